import { describe, expect, it } from 'vitest';
import { checkMoveDate, checkStageMove, nextStages } from './project-stage.js';

describe('project life cycle', () => {
  it('allows every later stage, or termination, from a stage that is not final', () => {
    expect(nextStages('LEAD')).toEqual([
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
    expect(nextStages('IN_STATISTICS')).toEqual(['ABOVE_SIZE', 'TERMINATED']);
    expect(nextStages('ABOVE_SIZE')).toEqual([]);
    expect(nextStages('TERMINATED')).toEqual([]);
  });

  it('accepts forward moves and skips', () => {
    expect(checkStageMove('LEAD', 'NEGOTIATING', null)).toBeNull();
    expect(checkStageMove('LEAD', 'STARTED', null)).toBeNull();
    expect(checkStageMove('SIGNED', 'TERMINATED', '企业战略调整')).toBeNull();
  });

  it('refuses going back or staying, naming the allowed stages', () => {
    const back = checkStageMove('SIGNED', 'LEAD', null);
    expect(back).toMatchObject({
      field: 'stage',
      allowed: expect.arrayContaining(['REGISTERED', 'TERMINATED']),
    });
    expect(back!.message).toMatch(
      /cannot go back from SIGNED 签约 to LEAD 线索; allowed next stages: REGISTERED 注册/,
    );
    expect(checkStageMove('SIGNED', 'SIGNED', null)!.message).toMatch(/already at SIGNED/);
  });

  it('refuses any move from a final stage, and termination without a reason', () => {
    expect(checkStageMove('TERMINATED', 'SIGNED', 'x')).toMatchObject({ field: 'stage', allowed: [] });
    expect(checkStageMove('ABOVE_SIZE', 'TERMINATED', 'x')).toMatchObject({ field: 'stage' });
    expect(checkStageMove('LEAD', 'TERMINATED', '  ')).toMatchObject({ field: 'reason' });
    expect(checkStageMove('LEAD', 'TERMINATED', undefined)).toMatchObject({ field: 'reason' });
  });

  it('dates a move no later than today and no earlier than the previous move', () => {
    expect(checkMoveDate('2026-01-10', '2026-01-10', '2026-02-01')).toBeNull();
    expect(checkMoveDate('2026-02-02', '2026-01-10', '2026-02-01')).toMatchObject({ field: 'on' });
    expect(checkMoveDate('2026-01-09', '2026-01-10', '2026-02-01')!.message).toMatch(/before .* 2026-01-10/);
    expect(checkMoveDate('2020-01-01', null, '2026-02-01')).toBeNull();
  });
});
