import { describe, expect, it } from 'vitest';
import { gapsFilled, movesInMonth } from './bulletin.logic.js';
import { dutyReport } from './duties.logic.js';
import { kpiLine } from './kpi.logic.js';
import { fact } from './test-facts.js';
import { projectWarnings, regionWarnings, sortWarnings } from './warnings.logic.js';

const kinds = (ws: { kind: string }[]) => ws.map((w) => w.kind);
const signed = fact('s', [
  ['LEAD', '2026-01-05'],
  ['SIGNED', '2026-04-08'],
]);

describe('signed but not started (签约到开工不超过6个月)', () => {
  it('does not fire on the deadline itself', () => {
    expect(kinds(projectWarnings(signed, '2026-10-08'))).toEqual(['STALLED']);
  });
  it('fires the day after, with the reason', () => {
    const [w] = projectWarnings(signed, '2026-10-09');
    expect(w).toMatchObject({
      kind: 'SIGNED_NOT_STARTED',
      severity: 'MEDIUM',
      since: '2026-04-08',
      days: 1,
      projectKey: 's',
    });
    expect(w!.reason).toContain('超过签约后 6 个月的开工期限（2026-10-08）1 天');
  });
  it('turns HIGH after 90 days overdue', () => {
    expect(projectWarnings(signed, '2027-01-07')[0]).toMatchObject({ severity: 'HIGH', days: 91 });
  });
  it('follows a configured number of months', () => {
    const t = { signedNotStartedMonths: 3, stalledDays: 365, behindPoints: 0 };
    expect(projectWarnings(signed, '2026-07-09', t)[0]?.kind).toBe('SIGNED_NOT_STARTED');
  });
  it('does not fire once started, nor when terminated', () => {
    const started = fact('x', [
      ['SIGNED', '2026-01-01'],
      ['STARTED', '2026-09-01'],
    ]);
    expect(kinds(projectWarnings(started, '2026-08-01'))).toEqual(['SIGNED_NOT_STARTED']);
    expect(kinds(projectWarnings(started, '2026-09-01'))).not.toContain('SIGNED_NOT_STARTED');
    const ended = fact('y', [
      ['SIGNED', '2026-01-01'],
      ['TERMINATED', '2026-03-01'],
    ]);
    expect(projectWarnings(ended, '2026-12-01')).toEqual([]);
  });
});

describe('started but not in production past its planned date', () => {
  const p = fact(
    'p',
    [
      ['SIGNED', '2026-01-10'],
      ['STARTED', '2026-02-10'],
    ],
    { plannedProductionOn: '2026-08-31' },
  );
  it('fires after the planned date, not on it', () => {
    expect(kinds(projectWarnings(p, '2026-08-31'))).toEqual(['STALLED']);
    expect(projectWarnings(p, '2026-09-10')[0]).toMatchObject({
      kind: 'PRODUCTION_OVERDUE',
      since: '2026-08-31',
      days: 10,
    });
  });
  it('does not fire once in production or without a planned date', () => {
    const done = fact(
      'd',
      [
        ['STARTED', '2026-02-10'],
        ['IN_PRODUCTION', '2026-09-05'],
      ],
      { plannedProductionOn: '2026-08-31' },
    );
    expect(projectWarnings(done, '2026-10-01')).toEqual([]);
    expect(kinds(projectWarnings({ ...p, plannedProductionOn: null }, '2026-09-10'))).toEqual(['STALLED']);
  });
});

describe('no stage move for too long', () => {
  const p = fact('n', [
    ['LEAD', '2026-03-01'],
    ['NEGOTIATING', '2026-04-01'],
  ]);
  it('fires after the configured days', () => {
    expect(projectWarnings(p, '2026-06-30')).toEqual([]); // 90 days
    expect(projectWarnings(p, '2026-07-01')[0]).toMatchObject({
      kind: 'STALLED',
      days: 91,
      severity: 'MEDIUM',
    });
    expect(projectWarnings(p, '2026-10-01')[0]).toMatchObject({ severity: 'HIGH', days: 183 });
    const t = { signedNotStartedMonths: 6, stalledDays: 30, behindPoints: 0 };
    expect(projectWarnings(p, '2026-05-05', t)[0]?.kind).toBe('STALLED');
  });
  it('never fires at 入规, and gives way to a more specific rule', () => {
    const done = fact('z', [['ABOVE_SIZE', '2025-01-01']]);
    expect(projectWarnings(done, '2026-12-31')).toEqual([]);
    expect(projectWarnings(signed, '2026-12-01').map((w) => w.kind)).toEqual(['SIGNED_NOT_STARTED']);
  });
});

describe('region behind 序时进度', () => {
  const lines = [
    kpiLine('projects1e', 10, 4, 0.5), // −10 points
    kpiLine('fundsInPlace', 100, 20, 0.5), // −30 points
    kpiLine('newStarts1e', 10, 6, 0.5), // +10
    kpiLine('industrialShare', 0.7, 0.6, 0.5), // −10
    kpiLine('exportProjects10e', 1, 0, 0.5), // bonus item: never a warning
  ];
  it('fires per KPI behind, HIGH beyond 20 points', () => {
    const ws = sortWarnings(regionWarnings('421202', '咸安区', lines, 2026));
    expect(ws.map((w) => [w.metric, w.severity, w.points])).toEqual([
      ['fundsInPlace', 'HIGH', -30],
      ['projects1e', 'MEDIUM', -10],
      ['industrialShare', 'MEDIUM', -10],
    ]);
    expect(ws[0]!.reason).toBe('咸安区到位资金完成 20/100（20.0%），落后序时进度 30.00 个百分点');
    expect(ws[2]!.reason).toBe('咸安区工业项目占比 60.0%，低于目标 70.0%，差 10.00 个百分点');
  });
  it('leaves a tolerance when asked', () => {
    const t = { signedNotStartedMonths: 6, stalledDays: 90, behindPoints: 15 };
    expect(regionWarnings('421202', '咸安区', lines, 2026, t).map((w) => w.metric)).toEqual(['fundsInPlace']);
  });
  it('does not fire when on schedule', () => {
    expect(regionWarnings('x', 'x', [kpiLine('projects1e', 10, 5, 0.5)], 2026)).toEqual([]);
  });
});

describe('bulletin movements', () => {
  const links = (key: string) => [{ key, name: `环节${key}`, chainId: 'nev', chainName: '新能源汽车' }];
  const ps = [
    fact('a', [['SIGNED', '2026-10-03']], { amount: 12, links: links('cell') }),
    fact('b', [['STARTED', '2026-10-20']], { amount: 2, chainId: 'pack', chainName: '绿色包装' }),
    fact('c', [['SIGNED', '2026-10-05']], { amount: 0.8 }), // below 1亿
    fact('d', [['SIGNED', '2026-09-30']], { amount: 5 }), // last month
    fact('e', [['IN_PRODUCTION', '2026-10-11']], { links: links('cell') }),
    fact('f', [['IN_PRODUCTION', '2026-10-11']], { links: [...links('cell'), ...links('pack')] }),
    fact('g', [['IN_PRODUCTION', '2026-08-01']], { links: links('motor') }),
    fact('h', [['IN_PRODUCTION', '2026-10-15']], { links: links('motor') }), // motor was present already
  ];
  it('groups signings and starts ≥ 1亿 of the month by chain', () => {
    const s = movesInMonth(ps, 'SIGNED', '2026-10-01', '2026-10-31');
    // b started (so signed) on 10-20 too; e, f in production since 10-11 (signed then).
    // Chains in Chinese collation order (绿 lǜ before 新 xīn).
    expect(s.map((g) => [g.chainName, g.count, g.amount, g.projects.map((p) => p.key)])).toEqual([
      ['绿色包装', 1, 2, ['b']],
      ['新能源汽车', 4, 27, ['a', 'e', 'f', 'h']],
    ]);
    const st = movesInMonth(ps, 'STARTED', '2026-10-01', '2026-10-31');
    expect(st.flatMap((g) => g.projects.map((p) => p.key))).toEqual(['b', 'e', 'f', 'h']);
  });
  it('lists links first reaching 投产 in the region this month', () => {
    const g = gapsFilled(ps, '2026-10-01', '2026-10-31');
    expect(g).toEqual([
      {
        chainId: 'nev',
        chainName: '新能源汽车',
        links: [
          {
            linkKey: 'cell',
            linkName: '环节cell',
            projectKey: 'e',
            projectName: '项目e',
            regionName: '咸安区',
            on: '2026-10-11',
          },
          {
            linkKey: 'pack',
            linkName: '环节pack',
            projectKey: 'f',
            projectName: '项目f',
            regionName: '咸安区',
            on: '2026-10-11',
          },
        ],
      },
    ]);
  });
});

describe('leader duties', () => {
  it('counts trips out and projects planned of the size asked', () => {
    const projects = [
      fact('big', [['LEAD', '2026-03-01']], { amount: 25 }),
      fact('small', [['LEAD', '2026-03-01']], { amount: 5 }),
      fact('lastYear', [['LEAD', '2025-12-01']], { amount: 40 }),
    ];
    const r = dutyReport(
      { tripsOut: 6, projectsPlanned: 1, plannedMinAmount: 20 },
      ['2026-02-01', '2026-05-01', '2025-11-01', '2026-12-30'],
      projects,
      2026,
      '2026-07-02',
    );
    expect(r.tripDays).toEqual(['2026-02-01', '2026-05-01']);
    expect(r.plannedKeys).toEqual(['big']);
    expect(r.tripsOut).toMatchObject({ target: 6, actual: 2, completionRate: 0.3333, progressPoints: -16.8 });
    expect(r.projectsPlanned).toMatchObject({ actual: 1, completionRate: 1, status: 'AHEAD' });
  });
});
