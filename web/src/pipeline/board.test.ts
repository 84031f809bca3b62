import { describe, expect, it } from 'vitest';
import { boardTotals, groupBoard } from './board';

const p = (key: string, stage: string, amount: number | null, firm = key) => ({
  key,
  stage,
  amount,
  enterprise: { key: firm },
});
const e = (firm: string) => ({ enterprise: { key: firm } });

describe('pipeline board', () => {
  const projects = [
    p('p1', 'LEAD', 1.5, 'f1'),
    p('p2', 'LEAD', 2.25, 'f2'),
    p('p3', 'SIGNED', 10, 'f3'),
    p('p4', 'SIGNED', null, 'f4'),
    p('p5', 'TERMINATED', 30, 'f5'),
    p('p6', 'ABOVE_SIZE', 0.1, 'f6'),
    p('p7', 'NOT_A_STAGE', 99, 'f7'),
  ];
  const entries = [e('f1'), e('f5'), e('f8'), e('f8'), e('f9')];
  const cols = groupBoard(projects, entries);

  it('has 目标库, the nine life-cycle stages in order, then 终止', () => {
    expect(cols.map((c) => c.label)).toEqual([
      '目标库',
      '线索',
      '在谈',
      '签约',
      '注册',
      '开工',
      '投产',
      '达产',
      '入统',
      '入规',
      '终止',
    ]);
  });

  it('counts cards and sums amounts per stage, noting unknown amounts', () => {
    const byId = Object.fromEntries(cols.map((c) => [c.id, c]));
    expect(byId.LEAD).toMatchObject({ count: 2, amount: 3.75, unknownAmount: 0 });
    expect(byId.SIGNED).toMatchObject({ count: 2, amount: 10, unknownAmount: 1 });
    expect(byId.NEGOTIATING).toMatchObject({ count: 0, amount: 0 });
    expect(byId.TERMINATED).toMatchObject({ count: 1, amount: 30 });
  });

  it('keeps a library target under 目标库 only while its firm has no live project, once', () => {
    const lib = cols[0]!;
    // f1 has a LEAD project; f5's project was terminated, so it is a target again; f8 is listed twice.
    expect(lib.entries.map((x) => x.enterprise.key)).toEqual(['f5', 'f8', 'f9']);
    expect(lib.count).toBe(3);
  });

  it('totals the live pipeline without terminated projects or unknown stages', () => {
    expect(boardTotals(cols)).toEqual({ count: 5, amount: 13.85 });
  });
});
