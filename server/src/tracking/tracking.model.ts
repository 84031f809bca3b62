import { z } from 'zod';
import { optBool, optDate, optInt, optNum, optStr, str, strList } from '../core/models.js';
import { ProjectStageModel } from '../pipeline/pipeline.model.js';
import { ANCHOR_PROJECT_TAGS, type ProjectFacts } from './facts.js';

// zod models of what the tracking stores return.

/** The Cypher projection of a project's facts (see {@link ProjectFactsModel}). */
export const factsFields = (p: string, r: string) => `{
     key: ${p}.id, name: ${p}.name, amount: ${p}.amount, industrial: ${p}.industrial,
     exportOriented: ${p}.exportOriented,
     plannedProductionOn: toString(${p}.plannedProductionOn),
     regionCode: ${r}.code, regionName: ${r}.name,
     regionPath: [(${r})-[:WITHIN*1..3]->(anc:Region) | anc.code],
     enterpriseName: head([(${p})-[:BY]->(e:Enterprise) | e.name]),
     tags: head([(${p})-[:BY]->(e:Enterprise) | e.tags]),
     chainId: ${p}.chainId, chainName: head([(${p})-[:HANDLED_BY]->(:TaskForce)-[:FOR_CHAIN]->(c:Chain) | c.name]),
     taskForceKey: head([(${p})-[:HANDLED_BY]->(t:TaskForce) | t.id]),
     events: [(${p})-[:HAS_EVENT]->(ev:ProjectStageEvent) | {seq: ev.seq, stage: ev.stage, on: toString(ev.on)}],
     funds: [(${p})-[:HAS_FUNDS]->(f:FundsEntry) | {on: toString(f.on), amount: f.amount}],
     amounts: [(${p})-[:HAS_AMOUNT]->(a:AmountEntry) | {on: toString(a.on), amount: a.amount}],
     links: [(${p})-[:FILLS]->(l:Link)<-[:HAS_LINK]-(lc:Chain) | {key: l.id, name: l.name, chainId: lc.id, chainName: lc.name}]
   }`;

const Dated = z.object({ on: optDate, amount: optNum });

export const ProjectFactsModel = z
  .object({
    key: str,
    name: str,
    amount: optNum,
    industrial: optBool,
    exportOriented: optBool,
    plannedProductionOn: optDate,
    regionCode: str,
    regionName: optStr,
    regionPath: strList,
    enterpriseName: optStr,
    tags: strList,
    chainId: optStr,
    chainName: optStr,
    taskForceKey: optStr,
    events: z.array(z.object({ seq: optInt, stage: ProjectStageModel, on: optDate })),
    funds: z.array(Dated),
    amounts: z.array(Dated),
    links: z.array(z.object({ key: str, name: str, chainId: optStr, chainName: optStr })),
  })
  .transform(({ tags, ...p }): ProjectFacts => ({
    ...p,
    anchor: tags.some((t) => (ANCHOR_PROJECT_TAGS as readonly string[]).includes(t)),
  }));
