import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FactorBars } from './FactorBars';

const factors = [
  { name: 'strength', weight: 0.35, value: 0.8, contribution: 0.28, detail: '上市公司；营收120亿元' },
  { name: 'gap', weight: 0.25, value: 1, contribution: 0.25, detail: '断链·关键环节 正极材料' },
  { name: 'ties', weight: 0.15, value: 0, contribution: 0, detail: '与本地企业无直接关系' },
  { name: 'newFactor', weight: 0.25, value: 1.7, contribution: 0.1, detail: '新因素' },
];

describe('FactorBars', () => {
  afterEach(cleanup);

  it('draws one labelled bar per factor, as wide as its value', () => {
    render(<FactorBars factors={factors} total={0.63} />);
    const meters = screen.getAllByRole('meter');
    expect(meters).toHaveLength(4);
    expect(meters[0]!.getAttribute('aria-label')).toBe('企业实力：取值 0.80，权重 0.35，贡献 0.28');
    expect(screen.getByTestId('factor-strength').style.width).toBe('80%');
    expect(screen.getByTestId('factor-ties').style.width).toBe('0%');
    // Values outside 0–1 never overflow the bar; unknown factor names are shown as they are.
    expect(screen.getByTestId('factor-newFactor').style.width).toBe('100%');
    expect(screen.getByText('newFactor')).toBeTruthy();
  });

  it('explains each factor in words and shows the total', () => {
    render(<FactorBars factors={factors} total={0.63} />);
    expect(screen.getByText('断链·关键环节 正极材料')).toBeTruthy();
    expect(screen.getByText('+0.28')).toBeTruthy();
    expect(screen.getByText('0.63')).toBeTruthy();
  });

  it('sums the contributions when no total is given', () => {
    render(<FactorBars factors={factors.slice(0, 2)} />);
    expect(screen.getByText('0.53')).toBeTruthy();
  });
});
