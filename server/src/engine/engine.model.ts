import { z } from 'zod';
import { ChainModel, LinkModel } from '../chain/chain.model.js';
import { optNum, optStr, str } from '../core/models.js';
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

/** One row of `chainShape`: a chain's structure and the region asked about. */
export const ChainShapeRowModel = z.object({
  chain: ChainModel.nullable(),
  region: RegionModel.nullable(),
  links: list(z.object({ link: LinkModel, parentId: optStr })),
  edges: list(z.tuple([str, str])),
});
export type ChainShapeRow = z.output<typeof ChainShapeRowModel>;

/** `localPresence`: a region's firms on a chain, and per link its local count, anchors and revenue. */
export const LocalPresenceRowModel = z.object({
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
export type LocalPresenceRow = z.output<typeof LocalPresenceRowModel>;

/** `engineLinkChains`: a link and its chain (null for a link outside any chain). */
export const LinkChainRowModel = z.object({ id: str, chainId: optStr });

/** What a diagnosis is built from: the chain's shape and the region's presence on it. */
export const DiagnosisRowModel = ChainShapeRowModel.merge(LocalPresenceRowModel);
export type DiagnosisRow = z.output<typeof DiagnosisRowModel>;

/** `chainNational`: the national count of each link of a chain, and of the chain (distinct firms). */
export const NationalRowModel = z.object({
  counts: z.array(z.object({ id: str, count: int })),
  total: int,
});
export type NationalRow = z.output<typeof NationalRowModel>;

/** `engineCatalog`: links as [id, parentId, chainId, name], SUPPLIES edges, zone members as [code, name, member]. */
export const CatalogRowModel = z.object({
  links: z.array(z.tuple([str, optStr, optStr, str])),
  supplies: z.array(z.tuple([str, str])),
  zoneMembers: z.array(z.tuple([str, str, optStr])),
});
export type CatalogRow = z.output<typeof CatalogRowModel>;

/** A column value collected as '' for a missing one (Cypher's `collect` drops nulls). */
const blankIsNull = <T extends z.ZodType>(t: T) =>
  z.union([t, z.literal('')]).transform((v) => (v === '' ? null : (v as z.output<T>)));

/**
 * One link of `linkFirms`, column by column: the i-th firm is `ids[i]`, `tags[i]`, `revenue[i]`…;
 * `links[i]` is empty when it works in this link only.
 */
export const LinkFirmsRowModel = z
  .object({
    linkId: str,
    /** The link's chain; null for a link outside any chain or an unknown link. */
    chainId: str.nullable(),
    ids: z.array(str),
    tags: z.array(z.array(str)),
    revenue: z.array(blankIsNull(z.number())),
    provinceCodes: z.array(blankIsNull(str)),
    cityCodes: z.array(blankIsNull(str)),
    countyCodes: z.array(blankIsNull(str)),
    regionCodes: z.array(blankIsNull(str)),
    links: z.array(z.array(str)),
  })
  .refine(
    (r) =>
      [r.tags, r.revenue, r.provinceCodes, r.cityCodes, r.countyCodes, r.regionCodes, r.links].every(
        (c) => c.length === r.ids.length,
      ),
    { message: 'linkFirms columns differ in length' },
  );
export type LinkFirmsRow = z.output<typeof LinkFirmsRowModel>;

/** `regionTies`: tie counts as [enterprise id, firms of the region]; `regionCourted`: library and project firms. */
export const RegionTiesRowModel = z.object({
  ties: z.array(z.tuple([str, int])),
});
export type RegionTiesRow = z.output<typeof RegionTiesRowModel>;

export const RegionCourtedRowModel = z.object({
  library: z.array(str),
  projects: z.array(str),
});
export type RegionCourtedRow = z.output<typeof RegionCourtedRowModel>;

/** One enterprise of `hitDetails`: its record and the names of the region's firms it has ties with. */
export const HitDetailsRowModel = z.object({
  enterprise: EnterpriseModel,
  ties: z.array(str),
});
export type HitDetailsRow = z.output<typeof HitDetailsRowModel>;

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
