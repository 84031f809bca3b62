import type { CypherQuery, Executor } from '@chainmap/graph';
import DataLoader from 'dataloader';
import type { ZodType } from 'zod';
import { ChainModel, ChainWithLinksModel, LinkModel } from '../chain/chain.model.js';
import * as chain from '../chain/chain.store.js';
import { EnterpriseLinkModel, EnterpriseModel, InvestmentModel } from '../enterprise/enterprise.model.js';
import * as enterprise from '../enterprise/enterprise.store.js';
import {
  FundsEntryModel,
  KpiTargetModel,
  PersonModel,
  ProjectModel,
  StageEventModel,
  TargetEntryModel,
  TargetLibraryModel,
  TaskForceModel,
} from '../pipeline/pipeline.model.js';
import * as pipeline from '../pipeline/pipeline.store.js';
import { RegionModel, SourceZoneModel } from '../region/region.model.js';
import * as region from '../region/region.store.js';
import type { ScopeParam } from '../auth/auth.model.js';
import { UserModel } from '../auth/auth.model.js';
import * as auth from '../auth/auth.store.js';
import { AuditEntryModel } from '../audit/audit.model.js';
import * as audit from '../audit/audit.store.js';
import { manyLoader, oneLoader, type BatchParams } from './batch.js';

/**
 * Per-request DataLoaders, one per relation field, created on first use. Each batch runs one
 * `UNWIND $keys` query and returns results in key order, so a page of 100 rows costs one round
 * trip per relation, the same as a page of 5.
 */
export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(executor: Executor, scope: () => Promise<ScopeParam>) {
  const made = new Map<string, unknown>();
  const lazy = <T>(name: string, make: () => T): T => {
    let loader = made.get(name) as T | undefined;
    if (loader === undefined) made.set(name, (loader = make()));
    return loader;
  };
  const one = <T>(name: string, query: CypherQuery, model: ZodType<T, unknown>, params?: BatchParams) =>
    lazy(name, () => oneLoader(executor, query, model, params));
  const many = <T>(name: string, query: CypherQuery, model: ZodType<T, unknown>, params?: BatchParams) =>
    lazy(name, () => manyLoader(executor, query, model, params));
  // Pipeline rows: every such query filters by the viewer's scope (auth/scope.ts).
  const scoped: BatchParams = async () => ({ scope: await scope() });

  return {
    // regions
    get region() {
      return one('region', region.regionsByCodeQ, RegionModel);
    },
    get regionParent() {
      return one('regionParent', region.regionParentsQ, RegionModel);
    },
    get regionChildren() {
      return many('regionChildren', region.regionChildrenQ, RegionModel);
    },
    get regionSourceZones() {
      return many('regionSourceZones', region.regionSourceZonesQ, SourceZoneModel);
    },
    get regionKpiTargets() {
      return many('regionKpiTargets', pipeline.regionKpiTargetsQ, KpiTargetModel, scoped);
    },
    get sourceZone() {
      return one('sourceZone', region.sourceZonesByCodeQ, SourceZoneModel);
    },
    get sourceZoneMembers() {
      return many('sourceZoneMembers', region.sourceZoneMembersQ, RegionModel);
    },

    // chains and links
    get chain() {
      return one('chain', chain.chainsByIdQ, ChainModel);
    },
    /** A chain and its links in one query; {@link chainWithLinks} primes `chain` and `chainLinks`. */
    get chainWithLinks() {
      return one('chainWithLinks', chain.chainsWithLinksQ, ChainWithLinksModel);
    },
    get chainLinks() {
      return many('chainLinks', chain.chainLinksQ, LinkModel);
    },
    get chainTaskForces() {
      return many('chainTaskForces', pipeline.chainTaskForcesQ, TaskForceModel, scoped);
    },
    get link() {
      return one('link', chain.linksByIdQ, LinkModel);
    },
    get linkChain() {
      return one('linkChain', chain.linkChainsQ, ChainModel);
    },
    get linkParent() {
      return one('linkParent', chain.linkParentsQ, LinkModel);
    },
    get linkSubLinks() {
      return many('linkSubLinks', chain.linkSubLinksQ, LinkModel);
    },
    get linkSuppliesTo() {
      return many('linkSuppliesTo', chain.linkSuppliesToQ, LinkModel);
    },
    get linkSuppliedBy() {
      return many('linkSuppliedBy', chain.linkSuppliedByQ, LinkModel);
    },

    // enterprises
    get enterprise() {
      return one('enterprise', enterprise.enterprisesByIdQ, EnterpriseModel);
    },
    get enterpriseLinks() {
      return many('enterpriseLinks', enterprise.enterpriseLinksQ, EnterpriseLinkModel);
    },
    get enterpriseSuppliers() {
      return many('enterpriseSuppliers', enterprise.enterpriseSuppliersQ, EnterpriseModel);
    },
    get enterpriseCustomers() {
      return many('enterpriseCustomers', enterprise.enterpriseCustomersQ, EnterpriseModel);
    },
    get enterpriseInvestments() {
      return many('enterpriseInvestments', enterprise.enterpriseInvestmentsQ, InvestmentModel);
    },
    get enterpriseInvestors() {
      return many('enterpriseInvestors', enterprise.enterpriseInvestorsQ, InvestmentModel);
    },
    get enterpriseProjects() {
      return many('enterpriseProjects', pipeline.enterpriseProjectsQ, ProjectModel, scoped);
    },
    /** Pages of enterprise connections, keyed by filter, order, cursor and size. */
    get enterprisePage() {
      return lazy(
        'enterprisePage',
        () =>
          new DataLoader(
            (keys: readonly enterprise.EnterprisePageQuery[]) => enterprise.enterprisePages(executor, keys),
            {
              cacheKeyFn: (k) => JSON.stringify(k),
            },
          ),
      );
    },
    /** Total counts of enterprise connections, keyed by filter. */
    get enterpriseCount() {
      return lazy(
        'enterpriseCount',
        () =>
          new DataLoader(
            (keys: readonly enterprise.EnterpriseQuery[]) => enterprise.enterpriseCounts(executor, keys),
            {
              cacheKeyFn: (k) => JSON.stringify(k),
            },
          ),
      );
    },

    // the pipeline
    get person() {
      return one('person', pipeline.peopleByIdQ, PersonModel, scoped);
    },
    get personLeads() {
      return many('personLeads', pipeline.personLeadsQ, TaskForceModel, scoped);
    },
    get personMemberships() {
      return many('personMemberships', pipeline.personMembershipsQ, TaskForceModel, scoped);
    },
    get taskForce() {
      return one('taskForce', pipeline.taskForcesByIdQ, TaskForceModel, scoped);
    },
    get taskForceChain() {
      return one('taskForceChain', pipeline.taskForceChainsQ, ChainModel);
    },
    get taskForceRegion() {
      return one('taskForceRegion', pipeline.taskForceRegionsQ, RegionModel);
    },
    get taskForceLeader() {
      return one('taskForceLeader', pipeline.taskForceLeadersQ, PersonModel, scoped);
    },
    get taskForceMembers() {
      return many('taskForceMembers', pipeline.taskForceMembersQ, PersonModel, scoped);
    },
    get taskForceLibraries() {
      return many('taskForceLibraries', pipeline.taskForceLibrariesQ, TargetLibraryModel, scoped);
    },
    get taskForceProjects() {
      return many('taskForceProjects', pipeline.taskForceProjectsQ, ProjectModel, scoped);
    },
    get targetLibrary() {
      return one('targetLibrary', pipeline.targetLibrariesByIdQ, TargetLibraryModel, scoped);
    },
    get libraryTaskForce() {
      return one('libraryTaskForce', pipeline.libraryTaskForcesQ, TaskForceModel, scoped);
    },
    get libraryEntries() {
      return many('libraryEntries', pipeline.libraryEntriesQ, TargetEntryModel, scoped);
    },
    get project() {
      return one('project', pipeline.projectsByIdQ, ProjectModel, scoped);
    },
    get projectEnterprise() {
      return one('projectEnterprise', pipeline.projectEnterprisesQ, EnterpriseModel);
    },
    get projectRegion() {
      return one('projectRegion', pipeline.projectRegionsQ, RegionModel);
    },
    get projectLinks() {
      return many('projectLinks', pipeline.projectLinksQ, LinkModel);
    },
    get projectTaskForce() {
      return one('projectTaskForce', pipeline.projectTaskForcesQ, TaskForceModel, scoped);
    },
    get projectFunds() {
      return many('projectFunds', pipeline.projectFundsQ, FundsEntryModel, scoped);
    },
    get projectEvents() {
      return many('projectEvents', pipeline.projectEventsQ, StageEventModel, scoped);
    },
    get kpiTarget() {
      return one('kpiTarget', pipeline.kpiTargetsByIdQ, KpiTargetModel, scoped);
    },
    /** The audit trail of entities, keyed `Entity:id` (e.g. `Project:pj-2026-001`). */
    get auditOf() {
      return many('auditOf', audit.auditOfEntitiesQ, AuditEntryModel, scoped);
    },
    get user() {
      return one('user', auth.usersByIdQ, UserModel);
    },
    get kpiTargetRegion() {
      return one('kpiTargetRegion', pipeline.kpiTargetRegionsQ, RegionModel);
    },
  };
}
