import type { Role, Scope, ScopeParam, UserRecord } from './auth.model.js';

// The one place the region/chain scope is written in Cypher. Every store query that reads
// pipeline data (task forces, people, target libraries, projects, KPI targets, contacts, audit entries)
// takes `$scope` (a {@link ScopeParam}) and filters its rows with one of these predicates, so a
// row out of scope is simply absent: from lists, counts, `node(id:)` and nested fields alike.
// Variables are prefixed `scope_` so they cannot clash with a query's own.

const taskForce = (t: string) =>
  `($scope.all OR (EXISTS { MATCH (${t})-[:FOR_REGION]->(scope_r:Region) WHERE scope_r.code IN $scope.regions }
     AND ($scope.chains IS NULL OR EXISTS { MATCH (${t})-[:FOR_CHAIN]->(scope_c:Chain) WHERE scope_c.id IN $scope.chains })))`;

/** Cypher predicates: is this row within `$scope`? */
export const inScope = {
  /** 招商专班: its region within the scope and, for chain-bound users, one of their chains. */
  taskForce,
  /** 招商项目: its region within the scope and, for chain-bound users, its task force's chain. */
  project: (p: string) =>
    `($scope.all OR (EXISTS { MATCH (${p})-[:IN_REGION]->(scope_r:Region) WHERE scope_r.code IN $scope.regions }
       AND ($scope.chains IS NULL OR EXISTS { MATCH (${p})-[:HANDLED_BY]->(:TaskForce)-[:FOR_CHAIN]->(scope_c:Chain) WHERE scope_c.id IN $scope.chains })))`,
  /** 目标企业库 (and its entries): the task force that owns it is in scope. */
  targetLibrary: (l: string) =>
    `($scope.all OR EXISTS { MATCH (${l})<-[:OWNS]-(scope_t:TaskForce) WHERE ${taskForce('scope_t')} })`,
  /** KPI targets: their region within the scope (a region's targets are not chain-bound). */
  kpiTarget: (k: string) =>
    `($scope.all OR EXISTS { MATCH (${k})-[:FOR_REGION]->(scope_r:Region) WHERE scope_r.code IN $scope.regions })`,
  /**
   * People (contacts): a leader or member of a task force in scope; someone in no task force yet
   * is visible to every signed-in user, so that they can be added to one.
   */
  person: (p: string) =>
    `($scope.all
       OR ($scope.signedIn AND NOT EXISTS { MATCH (${p})-[:LEADS|MEMBER_OF]->(:TaskForce) })
       OR EXISTS { MATCH (${p})-[:LEADS|MEMBER_OF]->(scope_t:TaskForce) WHERE ${taskForce('scope_t')} })`,
  /** 走访/洽谈记录 contacts: the task force they are LOGGED_FOR is in scope. */
  contact: (c: string) =>
    `($scope.all OR EXISTS { MATCH (${c})-[:LOGGED_FOR]->(scope_t:TaskForce) WHERE ${taskForce('scope_t')} })`,
  /** Audit entries: one of the regions the change touched is within the scope. */
  auditEntry: (a: string) =>
    `($scope.all OR any(scope_code IN coalesce(${a}.regionCodes, []) WHERE scope_code IN $scope.regions))`,
};

/** The scope of a user, given the regions within their scope region and its ancestors. */
export function scopeFor(user: UserRecord, regions: string[], ancestors: string[]): Scope {
  const all = user.role === 'ADMIN';
  return {
    user,
    ancestors,
    param: {
      all,
      signedIn: true,
      regions: all ? [] : regions,
      chains: user.role === 'TASK_FORCE' ? user.chainIds : null,
    },
  };
}

/** Whether a region filter overlaps the scope: it is within the scope region, or contains it. */
export function regionOverlaps(scope: Scope, regionCode: string): boolean {
  return scope.param.all || scope.param.regions.includes(regionCode) || scope.ancestors.includes(regionCode);
}

/** Whether a row with this region and chain is within the scope (for checks done in code). */
export function withinScope(scope: ScopeParam, regionCode: string | null, chainId: string | null): boolean {
  if (scope.all) return true;
  if (regionCode == null || !scope.regions.includes(regionCode)) return false;
  return scope.chains == null || (chainId != null && scope.chains.includes(chainId));
}

export type { Role };
