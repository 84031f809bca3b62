import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { KpiGauges } from './KpiGauges';
import { RankingTable } from './RankingTable';
import { WarningList } from './WarningList';

afterEach(cleanup);

describe('WarningList', () => {
  const warnings = [
    {
      kind: 'BEHIND_SCHEDULE',
      severity: 'HIGH',
      reason: '通山县到位资金完成 45.91/120（38.3%），落后序时进度 50.78 个百分点',
      regionName: '通山县',
      projectKey: null,
      projectName: null,
    },
    {
      kind: 'SIGNED_NOT_STARTED',
      severity: 'MEDIUM',
      reason: '2026-03-15 签约，至 2026-09-16 仍未开工',
      regionName: '赤壁市',
      projectKey: 'pj-1',
      projectName: '电机项目',
    },
  ];

  it('says the level and the kind in words, and links the project', () => {
    render(
      <MemoryRouter>
        <WarningList warnings={warnings} projectHref={(k) => `/pipeline?project=${k}`} />
      </MemoryRouter>,
    );
    const items = within(screen.getByRole('list', { name: '预警' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('严重');
    expect(items[0]!.textContent).toContain('落后序时进度');
    expect(items[1]!.textContent).toContain('一般');
    expect(items[1]!.textContent).toContain('签约未开工');
    expect(screen.getByRole('link', { name: '电机项目' }).getAttribute('href')).toBe(
      '/pipeline?project=pj-1',
    );
  });

  it('shows an empty state and says how many are left out', () => {
    const { rerender } = render(<WarningList warnings={[]} />);
    expect(screen.getByText('暂无预警。')).toBeTruthy();
    rerender(
      <MemoryRouter>
        <WarningList warnings={warnings} limit={1} />
      </MemoryRouter>,
    );
    expect(screen.getByText('另有 1 条预警未列出。')).toBeTruthy();
  });
});

describe('RankingTable', () => {
  it('lists ranks with ties, movement in words and drill-down links', () => {
    render(
      <MemoryRouter>
        <RankingTable
          caption="2026年10月排位"
          regionHref={(c) => `/dashboard?region=${c}`}
          rows={[
            {
              rank: 1,
              previousRank: 3,
              change: 2,
              score: 67.88,
              bonus: 2,
              region: { code: '421202', name: '咸安区' },
            },
            {
              rank: 1,
              previousRank: 1,
              change: 0,
              score: 67.88,
              bonus: 0,
              region: { code: '421221', name: '嘉鱼县' },
            },
            {
              rank: null,
              previousRank: null,
              change: null,
              score: null,
              bonus: 0,
              region: { code: '4212Z01', name: '高新区' },
            },
          ]}
        />
      </MemoryRouter>,
    );
    const rows = within(screen.getByRole('table', { name: '2026年10月排位' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '1咸安区67.88+2↑ 上升 2 位（上期第 3 名）',
      '1嘉鱼县67.88—＝ 持平（上期第 1 名）',
      '—高新区未设目标— —',
    ]);
    expect(screen.getByRole('link', { name: '嘉鱼县' }).getAttribute('href')).toBe(
      '/dashboard?region=421221',
    );
  });

  it('has an empty state for a region without sub-regions', () => {
    render(<RankingTable rows={[]} caption="x" />);
    expect(screen.getByText('本地区没有下级县区或园区可排位。')).toBeTruthy();
  });
});

describe('KpiGauges', () => {
  it('says each KPI in words: actual, target, rate and 序时进度', () => {
    render(
      <KpiGauges
        elapsedShare={0.5}
        lines={[
          {
            metric: 'projects1e',
            target: 18,
            actual: 13,
            completionRate: 0.7222,
            progressPoints: 22.22,
            status: 'AHEAD',
          },
          {
            metric: 'fundsInPlace',
            target: 180,
            actual: 45,
            completionRate: 0.25,
            progressPoints: -25,
            status: 'BEHIND',
          },
          {
            metric: 'exportProjects10e',
            target: 0,
            actual: 1,
            completionRate: null,
            progressPoints: null,
            status: 'NO_TARGET',
          },
        ]}
      />,
    );
    const cards = within(screen.getByRole('list', { name: '考核指标' })).getAllByRole('listitem');
    expect(cards[0]!.textContent).toContain('完成 13 个 / 目标 18 个 · 完成率 72.2%');
    expect(cards[0]!.textContent).toContain('▲ 超序时进度 22.2 个百分点');
    expect(cards[1]!.textContent).toContain('▼ 落后序时进度 25.0 个百分点');
    expect(cards[2]!.textContent).toContain('未设目标');
  });
});
