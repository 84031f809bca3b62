import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Legend } from './Legend';
import { LinkList } from './LinkList';
import { buildPanorama } from './model';

afterEach(cleanup);

const links = [
  {
    key: 'up',
    name: '锂资源',
    stage: 'UPSTREAM' as const,
    isKey: true,
    parent: null,
    suppliesTo: [{ key: 'mid' }],
  },
  { key: 'mid', name: '电芯制造', stage: 'MIDSTREAM' as const, isKey: true, parent: null, suppliesTo: [] },
  {
    key: 'mid.a',
    name: '隔膜',
    stage: 'MIDSTREAM' as const,
    isKey: false,
    parent: { key: 'mid' },
    suppliesTo: [],
  },
];
const diag = (key: string, status: 'STRONG' | 'WEAK' | 'MISSING', broken: boolean, localCount: number) => ({
  link: { key },
  status,
  broken,
  gap: null,
  localCount,
  anchorCount: 0,
  locationQuotient: null,
});

describe('Legend', () => {
  it('names every status with an icon and its count', () => {
    const { container } = render(
      <Legend counts={{ STRONG: 1, WEAK: 1, MISSING: 0, BROKEN: 1, UNKNOWN: 0 }} />,
    );
    const legend = screen.getByRole('list', { name: '图例' });
    for (const label of ['强链', '弱链', '缺链', '断链', '关键环节'])
      expect(within(legend).getByText(label)).toBeTruthy();
    // 未诊断 only appears when some link is undiagnosed.
    expect(within(legend).queryByText('未诊断')).toBeNull();
    expect(container.querySelectorAll('.legend-swatch')).toHaveLength(5);
  });
});

describe('LinkList (the panorama as a table)', () => {
  it('gives each link its status in words, key links marked, sub-links under their link', () => {
    const model = buildPanorama(links, [
      diag('up', 'STRONG', false, 7),
      diag('mid', 'MISSING', true, 0),
      diag('mid.a', 'WEAK', false, 1),
    ]);
    render(<LinkList model={model} />);
    const up = screen.getByRole('table', { name: '上游' });
    expect(within(up).getByText('强链 · 关键环节')).toBeTruthy();
    expect(within(up).getByText('7')).toBeTruthy();
    const mid = screen.getByRole('table', { name: '中游' });
    const rows = within(mid).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['★ 电芯制造', '隔膜']);
    expect(within(rows[0]!).getByText('断链 · 关键环节')).toBeTruthy();
    expect(within(rows[1]!).getByText('弱链')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '下游' })).toBeNull();
  });
});
