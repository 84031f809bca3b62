import { z } from 'zod';

/**
 * The file format of the industry-chain catalog: one `seed/catalog/chains/<id>.json` per chain (产业链),
 * holding its links (环节) and the SUPPLIES edges that start at them. Shape only; the rules that span
 * links, files and the Shenwan list live in `validate.ts`.
 */

/** Where a link sits on its chain: 上游 / 中游 / 下游. */
export const STAGES = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

/** Chain ids are short lowercase slugs: `nev`, `pv`, `ic`. */
export const CHAIN_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
/** Link ids are `<chainId>.<slug>`: `nev.cathode`. */
export const LINK_ID_PATTERN = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;

const ChainIdSchema = z.string().regex(CHAIN_ID_PATTERN, 'chain id must be a lowercase slug such as "nev"');
const LinkIdSchema = z
  .string()
  .regex(LINK_ID_PATTERN, 'link id must look like "<chainId>.<slug>", e.g. "nev.cathode"');
const Text = z.string().trim().min(1, 'must not be empty');

/** One link (环节) of a chain. */
export const LinkDefSchema = z.strictObject({
  id: LinkIdSchema,
  /** Chinese name shown in the UI, e.g. 正极材料. */
  name: Text,
  stage: StageSchema,
  /** 关键环节: a link the chain cannot do without. */
  key: z.boolean(),
  /** Optional parent link in the same chain; makes this a sub-link. */
  parent: LinkIdSchema.optional(),
  description: Text,
  /**
   * Shenwan 2021 level-3 industry codes whose enterprises attach to this link. May be empty (a service
   * link with no matching industry), in which case the description says why.
   */
  shenwan: z.array(z.string().regex(/^\d{6}$/, 'a Shenwan code has 6 digits')),
  /** Optional GB/T 4754-2017 class codes (4 digits). */
  gbt4754: z.array(z.string().regex(/^\d{4}$/, 'a GB/T 4754-2017 class code has 4 digits')).optional(),
});
export type LinkDef = z.infer<typeof LinkDefSchema>;

/** A SUPPLIES edge: `from` feeds `to`. Lives in the file of the chain of `from`; `to` may be in another chain. */
export const SuppliesDefSchema = z.strictObject({
  from: LinkIdSchema,
  to: LinkIdSchema,
  /** Set on an edge that closes a real loop (e.g. recycling back into raw materials). */
  allowCycle: z.boolean().optional(),
  note: Text.optional(),
});
export type SuppliesDef = z.infer<typeof SuppliesDefSchema>;

/** The content of one chain file. */
export const ChainFileSchema = z.strictObject({
  id: ChainIdSchema,
  name: Text,
  description: Text,
  links: z.array(LinkDefSchema),
  supplies: z.array(SuppliesDefSchema),
});
export type ChainFile = z.infer<typeof ChainFileSchema>;
