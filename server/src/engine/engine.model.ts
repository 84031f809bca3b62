import { z } from 'zod';
import { ChainModel, LinkModel } from '../chain/chain.model.js';
import { optNum, optStr, str, strList } from '../core/models.js';
import { EnterpriseModel } from '../enterprise/enterprise.model.js';
import { PersonModel, ProjectModel, TaskForceModel } from '../pipeline/pipeline.model.js';
import { RegionModel } from '../region/region.model.js';

// zod models of what engine.store.ts reads, parsed on the way out of the store.

const int = z.number().int();
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

/** One row of `diagnoseChain`: a chain's structure and a region's presence on it. */
export const DiagnosisRowModel = z.object({
  chain: ChainModel.nullable(),
  region: RegionModel.nullable(),
  links: list(z.object({ link: LinkModel, parentId: optStr })),
  edges: list(z.tuple([str, str])),
  localTotal: int,
  local: list(
    z.object({
      id: str,
      count: int,
      anchors: int,
      revenue: optNum,
      anchorList: list(EnterpriseModel),
    }),
  ),
});
export type DiagnosisRow = z.output<typeof DiagnosisRowModel>;

/** `chainNational`: the national count of each link of a chain, and of the chain (distinct firms). */
export const NationalRowModel = z.object({
  counts: z.array(z.object({ id: str, count: int })),
  total: int,
});
export type NationalRow = z.output<typeof NationalRowModel>;

/** One candidate enterprise of `targetCandidates`, unscored. */
export const CandidateRowModel = z.object({
  id: str,
  name: str,
  tags: strList,
  revenue: optNum,
  provinceCode: optStr,
  cityCode: optStr,
  isLocal: z.boolean(),
  links: z.array(str),
  direct: z.array(str),
  ties: z.array(str),
  fit: z.array(str),
  zones: z.array(str),
  inLibrary: z.boolean(),
  inProject: z.boolean(),
});
export type CandidateRow = z.output<typeof CandidateRowModel>;

/** One link adjacent to the region's strong links, of `extensionOptions[LEVEL]`. */
export const ExtensionRowModel = z.object({
  link: LinkModel,
  chain: ChainModel.nullable(),
  touched: z.array(str),
  national: int,
  localCount: int,
  units: z.array(str),
  strongUnits: z.array(z.tuple([str, str])),
});
export type ExtensionRow = z.output<typeof ExtensionRowModel>;

export const TieTypeModel = z.enum(['SUPPLIES_TO', 'INVESTS_IN']);

/** The shortest paths of `connectionPaths[h]` from one enterprise to a region's firms. */
export const ConnectionRowModel = z.object({
  id: str,
  regionFound: z.boolean(),
  paths: z.array(
    z.object({
      target: str,
      hops: int,
      nodes: z.array(EnterpriseModel),
      steps: z.array(z.object({ type: TieTypeModel, from: str, to: str, share: optNum })),
    }),
  ),
});
export type ConnectionRow = z.output<typeof ConnectionRowModel>;

/** 谁来招: the task forces, libraries and projects of `mapOrganisation`. */
export const OrganisationRowModel = z.object({
  chainFound: z.boolean(),
  regionFound: z.boolean(),
  taskForces: z.array(
    z.object({
      taskForce: TaskForceModel,
      region: RegionModel,
      leader: PersonModel.nullable(),
      members: int,
      libraries: int,
      targets: int,
    }),
  ),
  targetCount: int,
  projects: z.array(
    z.object({
      project: ProjectModel,
      region: RegionModel,
      enterprise: EnterpriseModel.nullable(),
      links: z.array(LinkModel),
    }),
  ),
});
export type OrganisationRow = z.output<typeof OrganisationRowModel>;
