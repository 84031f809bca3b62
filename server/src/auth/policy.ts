import type { Role } from './auth.model.js';

/**
 * Who may call what, declared once. The guard (guard.ts) wraps every root field of the schema
 * (and the few nested fields named here) with the access below; a root field not named here
 * needs a signed-in user, so a new query or mutation is closed until it is opened on purpose.
 * Pipeline rows are further filtered by scope in the stores (scope.ts); mutations are checked
 * by the mutation runner against their spec's `access` (core/mutation.ts).
 */
export type Access =
  /** Anyone, always (health, sign-in). */
  | { kind: 'OPEN' }
  /** Public reference data: every signed-in user, and anonymous callers when ALLOW_ANONYMOUS_READ. */
  | { kind: 'PUBLIC' }
  /** Any signed-in user (what they see is filtered by their scope). */
  | { kind: 'SIGNED_IN' }
  /** A signed-in user with one of these roles; FORBIDDEN for the others. */
  | { kind: 'ROLES'; roles: readonly Role[] };

const OPEN: Access = { kind: 'OPEN' };
const PUBLIC: Access = { kind: 'PUBLIC' };

/** Who writes what: the roles of each group of mutations (scope is checked on top). */
export const WRITERS = {
  /** Chains, links, SUPPLIES: the national catalog. */
  catalog: ['ADMIN'],
  /** Enterprise facts, placements on links and relations, within the user's region. */
  enterprises: ['ADMIN', 'CITY_OFFICE'],
  /** Task forces, their chain leaders and budgets. */
  taskForces: ['ADMIN', 'CITY_OFFICE'],
  /** People (contacts) and task-force membership. */
  contacts: ['ADMIN', 'CITY_OFFICE', 'TASK_FORCE'],
  /** Target libraries and their entries. */
  libraries: ['ADMIN', 'CITY_OFFICE', 'TASK_FORCE'],
  /** Projects and their stage moves. */
  projects: ['ADMIN', 'CITY_OFFICE', 'TASK_FORCE'],
  /** A region's yearly KPI targets. */
  kpiTargets: ['ADMIN', 'CITY_OFFICE'],
} as const satisfies Record<string, readonly Role[]>;
export type WriteGroup = keyof typeof WRITERS;

/** Who reads the audit trail (within their scope). */
export const AUDIT_READERS: readonly Role[] = ['ADMIN', 'CITY_OFFICE'];

/** Access of root fields (`Query.x`, `Mutation.x`) and of the nested fields that need a role. */
export const FIELD_ACCESS: Readonly<Record<string, Access>> = {
  'Query.health': OPEN,
  'Query.me': OPEN,
  'Mutation.signIn': OPEN,
  // Public reference data: regions, chains, links, enterprise facts, and the queries over them.
  'Query.regions': PUBLIC,
  'Query.region': PUBLIC,
  'Query.sourceZones': PUBLIC,
  'Query.chains': PUBLIC,
  'Query.chain': PUBLIC,
  'Query.link': PUBLIC,
  'Query.enterprise': PUBLIC,
  'Query.enterpriseByStockCode': PUBLIC,
  'Query.enterprises': PUBLIC,
  'Query.search': PUBLIC,
  'Query.chainDiagnosis': PUBLIC,
  'Query.gapTargets': PUBLIC,
  'Query.strengthenTargets': PUBLIC,
  'Query.extensionOptions': PUBLIC,
  'Query.sourceRegions': PUBLIC,
  'Query.connections': PUBLIC,
  'Query.investmentMap': PUBLIC,
  // Any type by id: pipeline types resolve through the scoped loaders (null out of scope).
  'Query.node': PUBLIC,
  'Query.nodes': PUBLIC,
  // The audit trail.
  'Query.auditLog': { kind: 'ROLES', roles: AUDIT_READERS },
  'Project.history': { kind: 'ROLES', roles: AUDIT_READERS },
  'TargetLibraryEntry.history': { kind: 'ROLES', roles: AUDIT_READERS },
};

/** The access of a field: as declared, else SIGNED_IN for root fields, else none (no guard). */
export function accessOf(type: string, field: string): Access | null {
  const declared = FIELD_ACCESS[`${type}.${field}`];
  if (declared) return declared;
  return type === 'Query' || type === 'Mutation' ? { kind: 'SIGNED_IN' } : null;
}

/**
 * The types whose rows are pipeline data, visible only within a user's scope. Every field that
 * returns one of them must be listed in {@link SCOPED_FIELDS} (a test enumerates the schema).
 */
export const SCOPED_TYPES = [
  'Project',
  'ProjectConnection',
  'ProjectEdge',
  'ProjectStageEvent',
  'FundsEntry',
  'TaskForce',
  'Person',
  'TargetLibrary',
  'TargetLibraryEntry',
  'KpiTarget',
  'MapOrganisation',
  'MapProject',
  'MapTaskForce',
  'AuditEntry',
  'AuditEntryConnection',
  'AuditEntryEdge',
  // Tracking (tracking/, pipeline/contact.*): contacts, duty targets, amount revisions, and the
  // reports computed from projects, task forces and KPI targets.
  'Contact',
  'DutyTarget',
  'AmountEntry',
  'KpiReport',
  'RegionKpi',
  'KpiLine',
  'Ranking',
  'RankingRow',
  'Warning',
  'Bulletin',
  'ChainMoves',
  'MonthProjectMove',
  'ChainGapsFilled',
  'FilledGap',
  'LeaderDuty',
] as const;

/**
 * Every field that returns pipeline data, with how its scope is enforced. A test compares this
 * list with the schema (a new field returning a scoped type fails it until it is listed here)
 * and probes each field with users in and out of scope.
 */
export const SCOPED_FIELDS: Readonly<Record<string, string>> = {
  'Query.project': 'loaders.project: projectsById with $scope',
  'Query.projects': 'projectsPage/projectsCount with $scope',
  'Query.targetLibraries': 'targetLibrariesFiltered with $scope',
  'Query.node': 'the scoped loaders of each type',
  'Query.nodes': 'the scoped loaders of each type',
  'Query.auditLog': 'AUDIT_READERS, auditPage with $scope',
  'Chain.taskForces': 'chainTaskForces with $scope',
  'Enterprise.projects': 'enterpriseProjects with $scope',
  'Region.kpiTargets': 'regionKpiTargets with $scope',
  'Person.leads': 'personLeads with $scope',
  'Person.memberOf': 'personMemberships with $scope',
  'TaskForce.leader': 'taskForceLeaders with $scope',
  'TaskForce.members': 'taskForceMembers with $scope',
  'TaskForce.libraries': 'taskForceLibraries with $scope',
  'TaskForce.projects': 'taskForceProjects with $scope',
  'TargetLibrary.taskForce': 'libraryTaskForces with $scope',
  'TargetLibrary.entries': 'libraryEntries with $scope',
  'TargetLibraryEntry.library': 'loaders.targetLibrary with $scope',
  'TargetLibraryEntry.owner': 'loaders.person with $scope',
  'TargetLibraryEntry.history': 'AUDIT_READERS, auditOfEntities with $scope',
  'Project.taskForce': 'projectTaskForces with $scope',
  'Project.events': 'projectEvents with $scope',
  'Project.funds': 'projectFunds with $scope',
  'Project.history': 'AUDIT_READERS, auditOfEntities with $scope',
  'ProjectConnection.edges': 'rows of Query.projects',
  'ProjectEdge.node': 'rows of Query.projects',
  'InvestmentMap.organisation': 'mapOrganisation with $scope',
  'MapOrganisation.projects': 'mapOrganisation with $scope',
  'MapOrganisation.taskForces': 'mapOrganisation with $scope',
  'MapProject.project': 'mapOrganisation with $scope',
  'MapTaskForce.taskForce': 'mapOrganisation with $scope',
  'MapTaskForce.leader': 'mapOrganisation with $scope',
  'AuditEntryConnection.edges': 'rows of Query.auditLog',
  'AuditEntryEdge.node': 'rows of Query.auditLog',
  // Tracking: contacts, duty targets and amount revisions.
  'Query.contacts': 'contactsFiltered with $scope; a region filter outside it FORBIDDEN',
  'TaskForce.contacts': 'taskForceContacts with $scope',
  'Contact.person': 'loaders.person with $scope',
  'Contact.taskForce': 'loaders.taskForce with $scope',
  'Project.amounts': 'projectAmounts with $scope',
  // Tracking reports: the region FORBIDDEN outside the scope, its rows read with $scope.
  'Query.kpiReport': 'trackingProjects and regionKpiTargets with $scope',
  'Query.ranking': 'trackingProjects and regionKpiTargets with $scope',
  'Query.warnings': 'trackingProjects and regionKpiTargets with $scope',
  'Query.bulletin': 'trackingProjects and regionKpiTargets with $scope',
  'Query.leaderDuties': 'leaderDutyRows and trackingProjectsByKey with $scope',
  'KpiReport.region': 'rows of the report',
  'KpiReport.regions': 'rows of the report; sub-regions overlapping the scope',
  'RegionKpi.lines': 'rows of the report',
  'RegionKpi.target': 'regionKpiTargets with $scope',
  'KpiLine.projects': 'loaders.project with $scope',
  'Ranking.rows': 'rows of the report; sub-regions overlapping the scope',
  'RankingRow.lines': 'rows of the report',
  'Warning.project': 'loaders.project with $scope',
  'Bulletin.kpi': 'rows of the report',
  'Bulletin.ranking': 'rows of the report',
  'Bulletin.warnings': 'rows of the report',
  'Bulletin.signings': 'trackingProjects with $scope',
  'Bulletin.starts': 'trackingProjects with $scope',
  'Bulletin.gapsFilled': 'trackingProjects with $scope',
  'ChainMoves.projects': 'trackingProjects with $scope',
  'ChainGapsFilled.links': 'trackingProjects with $scope',
  'LeaderDuty.taskForce': 'leaderDutyRows with $scope',
  'LeaderDuty.leader': 'leaderDutyRows with $scope',
  'LeaderDuty.target': 'leaderDutyRows with $scope',
  'LeaderDuty.plannedProjects': 'trackingProjectsByKey and loaders.project with $scope',
  // Scalars derived from pipeline data (not found by type: listed by hand).
  'KpiLine.projectKeys': 'trackingProjects with $scope',
  'LeaderDuty.plannedKeys': 'trackingProjectsByKey with $scope',
  'LeaderDuty.contactsInYear': 'leaderDutyRows with $scope',
  'TargetHit.inLibrary': 'candidates with $scope',
  'TargetHit.inProject': 'candidates with $scope',
  'MapOrganisation.targetCount': 'mapOrganisation with $scope',
  'MapOrganisation.projectCount': 'mapOrganisation with $scope',
};
