import { describe, expect, it } from 'vitest';
import { addMonths, dayOfYear, elapsedShare, monthRange } from './dates.js';
import { amountAt, reachedOn, stageAt } from './facts.js';
import { countKpis, funnel, kpiLine, kpiLines } from './kpi.logic.js';
import { fact } from './test-facts.js';

describe('dates', () => {
  it('counts the share of the year elapsed at the end of the day', () => {
    expect(elapsedShare(2026, '2026-01-01')).toBeCloseTo(1 / 365, 12);
    expect(elapsedShare(2026, '2026-07-02')).toBeCloseTo(183 / 365, 12);
    expect(elapsedShare(2026, '2026-12-31')).toBe(1);
    expect(elapsedShare(2026, '2025-12-31')).toBe(0);
    expect(elapsedShare(2026, '2027-03-01')).toBe(1);
    // Leap year: 366 days; 1 July is day 183, exactly half.
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(elapsedShare(2024, '2024-07-01')).toBe(0.5);
    expect(elapsedShare(2024, '2024-02-29')).toBeCloseTo(60 / 366, 12);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-04-08', 6)).toBe('2026-10-08');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29', year: 2024, month: 2 });
  });
});

describe('project facts', () => {
  const p = fact('a', [
    ['LEAD', '2026-01-10'],
    ['NEGOTIATING', '2026-02-01'],
    ['STARTED', '2026-05-01'],
  ]);
  it('reads milestones from skipped stages too', () => {
    // Straight from 在谈 to 开工: signed on the day it started.
    expect(reachedOn(p.events, 'SIGNED', '2026-12-31')).toBe('2026-05-01');
    expect(reachedOn(p.events, 'STARTED', '2026-04-30')).toBeNull();
    expect(reachedOn(p.events, 'IN_PRODUCTION', '2026-12-31')).toBeNull();
    expect(stageAt(p.events, '2026-03-01')).toBe('NEGOTIATING');
    expect(stageAt(p.events, '2026-01-01')).toBeNull();
  });

  it('takes the amount dated on the report day', () => {
    const q = {
      amount: 12,
      amounts: [
        { on: '2026-02-01', amount: 8 },
        { on: '2026-09-01', amount: 12 },
      ],
    };
    expect(amountAt(q, '2026-01-15')).toBe(8);
    expect(amountAt(q, '2026-08-31')).toBe(8);
    expect(amountAt(q, '2026-09-01')).toBe(12);
    expect(amountAt({ amount: 3, amounts: [] }, '2020-01-01')).toBe(3);
  });
});

/**
 * A county with five projects in 2026, worked out by hand:
 * - big: 12亿, LISTED investor, export-oriented, signed 03-10, started 06-20 → anchor, 10e, 1e
 *   (industrial), export, new start; funds 2 (04-01) + 3 (08-01)
 * - small: 0.5亿, signed 02-01 → no project KPI (below 1亿)
 * - services: 3亿, not industrial, signed 07-15 → 1e only
 * - dropped: 20亿, signed 01-20, terminated 05-01 → nothing after 05-01; its funds 1 (03-01) count
 * - old: 5亿, signed 2025-11-01, started 2026-02-10 → new start only; funds 0.5 (2025-12-01) do not
 */
const county = [
  fact(
    'big',
    [
      ['LEAD', '2026-01-05'],
      ['SIGNED', '2026-03-10'],
      ['STARTED', '2026-06-20'],
    ],
    {
      amount: 12,
      anchor: true,
      exportOriented: true,
      funds: [
        { on: '2026-04-01', amount: 2 },
        { on: '2026-08-01', amount: 3 },
      ],
    },
  ),
  fact('small', [['SIGNED', '2026-02-01']], { amount: 0.5 }),
  fact('services', [['SIGNED', '2026-07-15']], { amount: 3, industrial: false }),
  fact(
    'dropped',
    [
      ['SIGNED', '2026-01-20'],
      ['TERMINATED', '2026-05-01'],
    ],
    { amount: 20, funds: [{ on: '2026-03-01', amount: 1 }] },
  ),
  fact(
    'old',
    [
      ['SIGNED', '2025-11-01'],
      ['STARTED', '2026-02-10'],
    ],
    { amount: 5, funds: [{ on: '2025-12-01', amount: 0.5 }] },
  ),
];

const targets = {
  anchorProjects: 1,
  projects10e: 2,
  projects1e: 4,
  industrialShare: 0.7,
  newStarts1e: 4,
  fundsInPlace: 10,
  exportProjects10e: 0,
};

describe('KPI actuals', () => {
  it('counts by the dated rules at year end', () => {
    const c = countKpis(county, 2026, '2026-12-31');
    expect(c.values).toEqual({
      anchorProjects: 1,
      projects10e: 1,
      projects1e: 2,
      industrialShare: 0.5,
      newStarts1e: 2,
      fundsInPlace: 6,
      exportProjects10e: 1,
    });
    expect(c.projectKeys.projects1e).toEqual(['big', 'services']);
    expect(c.projectKeys.newStarts1e).toEqual(['big', 'old']);
    expect(c.projectKeys.fundsInPlace).toEqual(['big', 'dropped']);
  });

  it('counts a project terminated later for as long as it was alive', () => {
    const c = countKpis(county, 2026, '2026-04-30');
    expect(c.values.projects10e).toBe(2); // big and dropped
    expect(c.values.projects1e).toBe(2);
    expect(c.values.industrialShare).toBe(1);
    expect(c.values.fundsInPlace).toBe(3);
  });

  it('is all zero on the first day when nothing happened yet', () => {
    const c = countKpis(county, 2026, '2026-01-01');
    expect(c.values).toEqual({
      anchorProjects: 0,
      projects10e: 0,
      projects1e: 0,
      industrialShare: null,
      newStarts1e: 0,
      fundsInPlace: 0,
      exportProjects10e: 0,
    });
  });
});

describe('completion and 序时进度', () => {
  it('on 1 January: one day of 365 elapsed', () => {
    const l = kpiLine('projects1e', 10, 0, elapsedShare(2026, '2026-01-01'));
    expect(l).toMatchObject({ completionRate: 0, expected: 0.0274, progressPoints: -0.27, status: 'BEHIND' });
    const one = kpiLine('projects1e', 100, 1, elapsedShare(2026, '2026-01-01'));
    expect(one).toMatchObject({ completionRate: 0.01, progressPoints: 0.73, status: 'AHEAD' });
  });

  it('at mid-year (2 July, day 183 of 365)', () => {
    const l = kpiLine('fundsInPlace', 180, 90, elapsedShare(2026, '2026-07-02'));
    // 50% done, 50.137% of the year gone: 0.14 points behind.
    expect(l).toMatchObject({
      completionRate: 0.5,
      expected: 90.2466,
      progressPoints: -0.14,
      status: 'BEHIND',
    });
  });

  it('in a leap year, 1 July is exactly half: on schedule', () => {
    const l = kpiLine('newStarts1e', 18, 9, elapsedShare(2024, '2024-07-01'));
    expect(l).toMatchObject({ completionRate: 0.5, expected: 9, progressPoints: 0, status: 'ON_SCHEDULE' });
  });

  it('on 31 December the gap is the completion rate less 100%', () => {
    const l = kpiLine('projects10e', 2, 3, elapsedShare(2026, '2026-12-31'));
    expect(l).toMatchObject({ completionRate: 1.5, expected: 2, progressPoints: 50, status: 'AHEAD' });
  });

  it('treats the industrial share as a ratio against its target', () => {
    expect(kpiLine('industrialShare', 0.7, 0.75, 0.5)).toMatchObject({
      completionRate: 1.0714,
      expected: 0.7,
      progressPoints: 5,
      status: 'AHEAD',
    });
    expect(kpiLine('industrialShare', 0.7, 0.5, 0.9)).toMatchObject({
      progressPoints: -20,
      status: 'BEHIND',
    });
    expect(kpiLine('industrialShare', 0.7, null, 0.9)).toMatchObject({
      status: 'NO_DATA',
      progressPoints: null,
    });
  });

  it('has no rate without a positive target', () => {
    expect(kpiLine('exportProjects10e', 0, 1, 0.5)).toMatchObject({
      completionRate: null,
      progressPoints: null,
      status: 'NO_TARGET',
    });
  });

  it('builds every line of a region at year end', () => {
    const lines = kpiLines(county, targets, 2026, '2026-12-31');
    expect(lines.map((l) => [l.metric, l.actual, l.completionRate, l.progressPoints, l.status])).toEqual([
      ['anchorProjects', 1, 1, 0, 'ON_SCHEDULE'],
      ['projects10e', 1, 0.5, -50, 'BEHIND'],
      ['projects1e', 2, 0.5, -50, 'BEHIND'],
      ['industrialShare', 0.5, 0.7143, -20, 'BEHIND'],
      ['newStarts1e', 2, 0.5, -50, 'BEHIND'],
      ['fundsInPlace', 6, 0.6, -40, 'BEHIND'],
      ['exportProjects10e', 1, null, null, 'NO_TARGET'],
    ]);
  });
});

describe('funnel', () => {
  it('puts each project at its stage on the day, with amounts', () => {
    const rows = funnel(county, '2026-06-30');
    const by = Object.fromEntries(rows.map((r) => [r.stage, [r.count, r.amount]]));
    expect(by).toMatchObject({
      LEAD: [0, 0],
      SIGNED: [1, 0.5], // small; services signs in July
      STARTED: [2, 17], // big (12, started 06-20) and old (5)
      TERMINATED: [1, 20],
    });
    expect(rows.map((r) => r.stage)).toEqual([
      'LEAD',
      'NEGOTIATING',
      'SIGNED',
      'REGISTERED',
      'STARTED',
      'IN_PRODUCTION',
      'AT_CAPACITY',
      'IN_STATISTICS',
      'ABOVE_SIZE',
      'TERMINATED',
    ]);
  });
});
