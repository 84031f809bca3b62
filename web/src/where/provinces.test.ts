import { describe, expect, it } from 'vitest';
import { rollUpProvinces } from './provinces';

const row = (
  code: string,
  name: string,
  candidateCount: number,
  anchorCount: number,
  zones: string[] = [],
) => ({
  score: candidateCount + anchorCount,
  candidateCount,
  anchorCount,
  region: { code, name, sourceZones: zones.map((n) => ({ name: n })) },
});

describe('到哪招 province roll-up', () => {
  it('adds cities up into their province, computes the anchor share, and ranks by heat', () => {
    const rows = rollUpProvinces([
      row('320500', '苏州市', 10, 2, ['长三角']),
      row('320000', '江苏省', 30, 6),
      row('440300', '深圳市', 20, 10),
      row('999999', '未知', 3, 3),
    ]);
    expect(rows.map((r) => r.mapName)).toEqual(['江苏', '广东']);
    expect(rows[0]).toMatchObject({ candidates: 40, anchors: 8, score: 48, strength: 0.2 });
    expect(rows[0]!.regions.map((r) => r.name)).toEqual(['江苏省', '苏州市']);
    expect(rows[0]!.regions[1]!.zones).toEqual(['长三角']);
    expect(rows[1]!.strength).toBe(0.5);
  });

  it('is empty without rows', () => {
    expect(rollUpProvinces([])).toEqual([]);
  });
});
