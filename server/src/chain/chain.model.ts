import { z } from 'zod';
import { optBool, optInt, optStr, str, strList } from '../core/models.js';
import { toGlobalId } from '../core/relay.js';

export const LINK_STAGES = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const;
export const LinkStageModel = z.enum(LINK_STAGES);
export type LinkStage = z.infer<typeof LinkStageModel>;

export const chainFields = (v: string) => `${v} { .id, .name, .description, .version }`;

/** A `(:Chain)`, 产业链: domain `key` (the graph's `id`), global `id`. */
export const ChainModel = z
  .object({ id: str, name: str, description: optStr, version: optInt })
  .transform(({ id, ...c }) => ({
    __typename: 'Chain' as const,
    id: toGlobalId('Chain', id),
    key: id,
    ...c,
  }));
export type ChainRecord = z.output<typeof ChainModel>;

export const linkFields = (v: string) =>
  `${v} { .id, .name, .stage, .key, .description, .shenwan, .gbt4754, .version }`;

/** Upstream first: the order links are listed in, before their names. */
export const stageRank = (v: string) =>
  `CASE ${v}.stage WHEN 'UPSTREAM' THEN 0 WHEN 'MIDSTREAM' THEN 1 WHEN 'DOWNSTREAM' THEN 2 ELSE 3 END`;

/**
 * A `(:Link)`, 环节. The graph's boolean `key` (关键环节) becomes `isKey`, so that `key` is the
 * domain key on every type of the API.
 */
export const LinkModel = z
  .object({
    id: str,
    name: str,
    stage: LinkStageModel,
    key: optBool,
    description: optStr,
    shenwan: strList,
    gbt4754: strList,
    version: optInt,
  })
  .transform(({ id, key, ...l }) => ({
    __typename: 'Link' as const,
    id: toGlobalId('Link', id),
    key: id,
    isKey: key ?? false,
    ...l,
  }));
export type LinkRecord = z.output<typeof LinkModel>;

/** A chain with its links, as `chainsWithLinks` returns it. */
export const ChainWithLinksModel = z.object({ chain: ChainModel, links: z.array(LinkModel) });
