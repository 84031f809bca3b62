import type { ProjectStage } from '../pipeline/pipeline.model.js';
import type { ProjectFacts } from './facts.js';

/** A project for the unit tests: history as `[stage, day]` pairs, everything else defaulted. */
export function fact(
  key: string,
  history: [ProjectStage, string][],
  more: Partial<Omit<ProjectFacts, 'events'>> = {},
): ProjectFacts {
  return {
    key,
    name: `项目${key}`,
    amount: 5,
    amounts: [],
    industrial: true,
    exportOriented: false,
    anchor: false,
    enterpriseName: null,
    regionCode: '421202',
    regionName: '咸安区',
    regionPath: ['421200', '420000'],
    chainId: 'nev',
    chainName: '新能源汽车',
    plannedProductionOn: null,
    funds: [],
    links: [],
    taskForceKey: null,
    ...more,
    events: history.map(([stage, on], i) => ({ seq: i + 1, stage, on })),
  };
}
