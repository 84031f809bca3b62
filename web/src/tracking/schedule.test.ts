import { describe, expect, it } from 'vitest';
import { bulletinUrl, kpiValue, movement, previousMonth, scheduleOf, warningsByProject } from './schedule';

describe('序时进度 in words', () => {
  it('says ahead or behind in points, with an icon that does not rely on colour', () => {
    expect(scheduleOf({ metric: 'projects1e', status: 'AHEAD', progressPoints: 12.345 })).toEqual({
      icon: '▲',
      text: '超序时进度 12.3 个百分点',
      tone: 'ahead',
    });
    expect(scheduleOf({ metric: 'fundsInPlace', status: 'BEHIND', progressPoints: -8.2 }).text).toBe(
      '落后序时进度 8.2 个百分点',
    );
    expect(scheduleOf({ metric: 'industrialShare', status: 'BEHIND', progressPoints: -10 }).text).toBe(
      '低于目标 10.0 个百分点',
    );
    expect(scheduleOf({ metric: 'projects1e', status: 'ON_SCHEDULE', progressPoints: 0 }).icon).toBe('●');
    expect(scheduleOf({ metric: 'exportProjects10e', status: 'NO_TARGET' }).text).toBe('未设目标');
  });

  it('formats values with their units', () => {
    expect(kpiValue('industrialShare', 0.7143)).toBe('71.4%');
    expect(kpiValue('fundsInPlace', 137.555)).toBe('137.56 亿元');
    expect(kpiValue('projects1e', 13)).toBe('13 个');
    expect(kpiValue('projects1e', null)).toBe('—');
  });
});

describe('ranking movement and warnings', () => {
  it('describes movement', () => {
    expect(movement(2)).toEqual({ icon: '↑', text: '上升 2 位' });
    expect(movement(-1)).toEqual({ icon: '↓', text: '下降 1 位' });
    expect(movement(0).text).toBe('持平');
    expect(movement(null).text).toBe('—');
  });

  it('groups project warnings by project', () => {
    const m = warningsByProject([
      { projectKey: 'a', kind: 'STALLED' },
      { projectKey: null, kind: 'BEHIND_SCHEDULE' },
      { projectKey: 'a', kind: 'SIGNED_NOT_STARTED' },
      { projectKey: 'b', kind: 'STALLED' },
    ]);
    expect([...m.keys()]).toEqual(['a', 'b']);
    expect(m.get('a')!.map((w) => w.kind)).toEqual(['STALLED', 'SIGNED_NOT_STARTED']);
  });

  it('knows the previous month and the file URLs', () => {
    expect(previousMonth('2026-01-15')).toBe('2025-12');
    expect(previousMonth('2026-11-21')).toBe('2026-10');
    expect(bulletinUrl('421200', '2026-10', 'md')).toBe(
      '/export/bulletin.md?regionCode=421200&month=2026-10',
    );
  });
});
