/**
 * The parts of the graph a write can change (graph/README.md has the model). A write through
 * the {@link Executor} may say which parts it changes; whoever keeps figures derived from the
 * graph (the engine's cache, server/src/engine/engine.cache.ts) can then tell that a commit left
 * its figures as they were. A write that says nothing is taken to have changed every part.
 */
export const GRAPH_PARTS = {
  chains: 'Chain, Link and their HAS_LINK, PART_OF, SUPPLIES, MAPS_TO',
  enterprises: 'Enterprise (its name, tags, revenue…) and its OPERATES_IN',
  locations: "Enterprise's LOCATED_IN and the location codes it denormalises",
  ties: 'SUPPLIES_TO and INVESTS_IN between enterprises',
  regions: 'Region, WITHIN, SourceZone, IN_ZONE, Industry',
  organisation: 'TaskForce, Person, DutyTarget and FOR_CHAIN, FOR_REGION, LEADS, MEMBER_OF, FOR_PERSON',
  pipeline: 'TargetLibrary and INCLUDES, Project and its stage events, funds and amount entries',
  tracking: 'Contact, KpiTarget',
  users: 'User',
  audit: 'AuditEntry, Import, Migration',
} as const;

export type GraphPart = keyof typeof GRAPH_PARTS;

/**
 * What a commit changed: the parts of the graph, and, for `enterprises` and `locations`, the
 * chains whose links the firms it wrote work in, before or after it (`chains`: a change to those
 * firms leaves every other chain's figures as they were); null when the write cannot say, so any
 * chain.
 */
export interface CommitChanges {
  parts: readonly GraphPart[];
  chains: readonly string[] | null;
}
