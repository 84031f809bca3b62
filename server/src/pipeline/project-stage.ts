import type { ProjectStage } from './pipeline.model.js';

/**
 * The project life cycle (全周期) as rules: a project moves forward one or more stages
 * (线索→在谈→签约→注册→开工→投产→达产→入统→入规; skipping ahead is allowed, going back is not),
 * or is terminated (终止, with a reason) from any stage that is not final. 入规 and 终止 are final.
 */
export const LIFE_CYCLE = [
  'LEAD',
  'NEGOTIATING',
  'SIGNED',
  'REGISTERED',
  'STARTED',
  'IN_PRODUCTION',
  'AT_CAPACITY',
  'IN_STATISTICS',
  'ABOVE_SIZE',
] as const satisfies readonly ProjectStage[];

export const STAGE_LABEL: Record<ProjectStage, string> = {
  LEAD: '线索',
  NEGOTIATING: '在谈',
  SIGNED: '签约',
  REGISTERED: '注册',
  STARTED: '开工',
  IN_PRODUCTION: '投产',
  AT_CAPACITY: '达产',
  IN_STATISTICS: '入统',
  ABOVE_SIZE: '入规',
  TERMINATED: '终止',
};

export const isFinal = (stage: ProjectStage) => stage === 'ABOVE_SIZE' || stage === 'TERMINATED';

/** The stages a project at `current` may move to: every later stage, or TERMINATED. */
export function nextStages(current: ProjectStage): ProjectStage[] {
  if (isFinal(current)) return [];
  const at = LIFE_CYCLE.indexOf(current as (typeof LIFE_CYCLE)[number]);
  return [...LIFE_CYCLE.slice(at + 1), 'TERMINATED'];
}

const named = (s: ProjectStage) => `${s} ${STAGE_LABEL[s]}`;

/** Why a move is refused: the input field at fault and a message saying what is allowed. */
export interface MoveProblem {
  field: 'stage' | 'reason' | 'on';
  message: string;
  allowed?: ProjectStage[];
}

/** Check a stage move against the life cycle; null when it is allowed. */
export function checkStageMove(
  current: ProjectStage,
  target: ProjectStage,
  reason: string | null | undefined,
): MoveProblem | null {
  const allowed = nextStages(current);
  if (allowed.length === 0) {
    return {
      field: 'stage',
      message: `the project is at ${named(current)}, a final stage: it cannot move any more`,
      allowed,
    };
  }
  if (!allowed.includes(target)) {
    const how = target === current ? 'is already at' : 'cannot go back from';
    return {
      field: 'stage',
      message: `the project ${how} ${named(current)}${target === current ? '' : ` to ${named(target)}`}; allowed next stages: ${allowed.map(named).join(', ')}`,
      allowed,
    };
  }
  if (target === 'TERMINATED' && !reason?.trim()) {
    return { field: 'reason', message: 'terminating a project (终止) needs a reason' };
  }
  return null;
}

/** Check a move's date: not in the future, not before the previous move. Null when fine. */
export function checkMoveDate(on: string, previousOn: string | null, today: string): MoveProblem | null {
  if (on > today) return { field: 'on', message: `${on} is in the future (today is ${today})` };
  if (previousOn && on < previousOn) {
    return { field: 'on', message: `${on} is before the project's previous move, on ${previousOn}` };
  }
  return null;
}
