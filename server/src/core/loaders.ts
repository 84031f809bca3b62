import type { CypherQuery, Executor } from '@chainmap/graph';
import DataLoader from 'dataloader';
import type { ZodType } from 'zod';
import { ChainModel, ChainWithLinksModel, LinkModel } from '../chain/chain.model.js';
import * as chain from '../chain/chain.store.js';
import { EnterpriseLinkModel, EnterpriseModel, InvestmentModel } from '../enterprise/enterprise.model.js';
import { countEnterprises } from '../enterprise/enterprise.counts.js';
import * as enterprise from '../enterprise/enterprise.store.js';
import type { EngineCache } from '../engine/engine.cache.js';
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
import { RegionModel, SourceZoneModel, type RegionRecord } from '../region/region.model.js';
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
export class Loaders {
  private readonly made = new Map<string, unknown>();
  /** Regions that came with a page of firms ({@link primeRegions}), by code. */
  private regionsAtHand?: Map<string, RegionRecord>;
  /** Pipeline rows: every such query filters by the viewer's scope (auth/scope.ts). */
  private readonly scoped: BatchParams;

  // The getters live on the prototype: a request that uses two loaders makes two, not fifty
  // closures (this object is built for every request).
  constructor(
    private readonly executor: Executor,
    scope: () => Promise<ScopeParam>,
    private readonly engineCache: EngineCache,
  ) {
    this.scoped = async () => ({ scope: await scope() });
  }

  private lazy<T>(name: string, make: () => T): T {
    let loader = this.made.get(name) as T | undefined;
    if (loader === undefined) this.made.set(name, (loader = make()));
    return loader;
  }

  private one<T>(name: string, query: CypherQuery, model: ZodType<T, unknown>, params?: BatchParams) {
    return this.lazy(name, () => oneLoader(this.executor, query, model, params));
  }

  private many<T>(name: string, query: CypherQuery, model: ZodType<T, unknown>, params?: BatchParams) {
    return this.lazy(name, () => manyLoader(this.executor, query, model, params));
  }

  // regions
  get region() {
    return this.one('region', region.regionsByCodeQ, RegionModel);
  }
  /**
   * Regions read with other rows (a page of firms and their regions): the region loader needs
   * no round trip for them, and {@link regionByCode} answers them without a promise.
   */
  primeRegions(regions: readonly RegionRecord[]): void {
    const atHand = (this.regionsAtHand ??= new Map());
    for (const r of regions) {
      atHand.set(r.code, r);
      this.region.prime(r.code, r);
    }
  }
  /**
   * A region by code: at once when it came with a page, else through the region loader. A page
   * of fifty firms whose `region` fields all answer at once is completed by graphql-js in one
   * pass, without a promise per row.
   */
  regionByCode(code: string): RegionRecord | Promise<RegionRecord | null> {
    return this.regionsAtHand?.get(code) ?? this.region.load(code);
  }
  get regionParent() {
    return this.one('regionParent', region.regionParentsQ, RegionModel);
  }
  get regionChildren() {
    return this.many('regionChildren', region.regionChildrenQ, RegionModel);
  }
  get regionSourceZones() {
    return this.many('regionSourceZones', region.regionSourceZonesQ, SourceZoneModel);
  }
  get regionKpiTargets() {
    return this.many('regionKpiTargets', pipeline.regionKpiTargetsQ, KpiTargetModel, this.scoped);
  }
  get sourceZone() {
    return this.one('sourceZone', region.sourceZonesByCodeQ, SourceZoneModel);
  }
  get sourceZoneMembers() {
    return this.many('sourceZoneMembers', region.sourceZoneMembersQ, RegionModel);
  }

  // chains and links
  get chain() {
    return this.one('chain', chain.chainsByIdQ, ChainModel);
  }
  /** A chain and its links in one query; {@link chainWithLinks} primes `chain` and `chainLinks`. */
  get chainWithLinks() {
    return this.one('chainWithLinks', chain.chainsWithLinksQ, ChainWithLinksModel);
  }
  get chainLinks() {
    return this.many('chainLinks', chain.chainLinksQ, LinkModel);
  }
  get chainTaskForces() {
    return this.many('chainTaskForces', pipeline.chainTaskForcesQ, TaskForceModel, this.scoped);
  }
  get link() {
    return this.one('link', chain.linksByIdQ, LinkModel);
  }
  get linkChain() {
    return this.one('linkChain', chain.linkChainsQ, ChainModel);
  }
  get linkParent() {
    return this.one('linkParent', chain.linkParentsQ, LinkModel);
  }
  get linkSubLinks() {
    return this.many('linkSubLinks', chain.linkSubLinksQ, LinkModel);
  }
  get linkSuppliesTo() {
    return this.many('linkSuppliesTo', chain.linkSuppliesToQ, LinkModel);
  }
  get linkSuppliedBy() {
    return this.many('linkSuppliedBy', chain.linkSuppliedByQ, LinkModel);
  }

  // enterprises
  get enterprise() {
    return this.one('enterprise', enterprise.enterprisesByIdQ, EnterpriseModel);
  }
  get enterpriseLinks() {
    return this.many('enterpriseLinks', enterprise.enterpriseLinksQ, EnterpriseLinkModel);
  }
  get enterpriseSuppliers() {
    return this.many('enterpriseSuppliers', enterprise.enterpriseSuppliersQ, EnterpriseModel);
  }
  get enterpriseCustomers() {
    return this.many('enterpriseCustomers', enterprise.enterpriseCustomersQ, EnterpriseModel);
  }
  get enterpriseInvestments() {
    return this.many('enterpriseInvestments', enterprise.enterpriseInvestmentsQ, InvestmentModel);
  }
  get enterpriseInvestors() {
    return this.many('enterpriseInvestors', enterprise.enterpriseInvestorsQ, InvestmentModel);
  }
  get enterpriseProjects() {
    return this.many('enterpriseProjects', pipeline.enterpriseProjectsQ, ProjectModel, this.scoped);
  }
  /** Pages of enterprise connections, keyed by filter, order, cursor and size. */
  get enterprisePage() {
    return this.lazy(
      'enterprisePage',
      () =>
        new DataLoader(
          (keys: readonly enterprise.EnterprisePageQuery[]) =>
            enterprise.enterprisePages(this.executor, keys),
          {
            cacheKeyFn: (k) => JSON.stringify(k),
          },
        ),
    );
  }
  /** Total counts of enterprise connections, keyed by filter. */
  get enterpriseCount() {
    return this.lazy(
      'enterpriseCount',
      () =>
        new DataLoader(
          (keys: readonly enterprise.EnterpriseQuery[]) =>
            countEnterprises(this.executor, this.engineCache, keys),
          {
            cacheKeyFn: (k) => JSON.stringify(k),
          },
        ),
    );
  }

  // the pipeline
  get person() {
    return this.one('person', pipeline.peopleByIdQ, PersonModel, this.scoped);
  }
  get personLeads() {
    return this.many('personLeads', pipeline.personLeadsQ, TaskForceModel, this.scoped);
  }
  get personMemberships() {
    return this.many('personMemberships', pipeline.personMembershipsQ, TaskForceModel, this.scoped);
  }
  get taskForce() {
    return this.one('taskForce', pipeline.taskForcesByIdQ, TaskForceModel, this.scoped);
  }
  get taskForceChain() {
    return this.one('taskForceChain', pipeline.taskForceChainsQ, ChainModel);
  }
  get taskForceRegion() {
    return this.one('taskForceRegion', pipeline.taskForceRegionsQ, RegionModel);
  }
  get taskForceLeader() {
    return this.one('taskForceLeader', pipeline.taskForceLeadersQ, PersonModel, this.scoped);
  }
  get taskForceMembers() {
    return this.many('taskForceMembers', pipeline.taskForceMembersQ, PersonModel, this.scoped);
  }
  get taskForceLibraries() {
    return this.many('taskForceLibraries', pipeline.taskForceLibrariesQ, TargetLibraryModel, this.scoped);
  }
  get taskForceProjects() {
    return this.many('taskForceProjects', pipeline.taskForceProjectsQ, ProjectModel, this.scoped);
  }
  get targetLibrary() {
    return this.one('targetLibrary', pipeline.targetLibrariesByIdQ, TargetLibraryModel, this.scoped);
  }
  get libraryTaskForce() {
    return this.one('libraryTaskForce', pipeline.libraryTaskForcesQ, TaskForceModel, this.scoped);
  }
  get libraryEntries() {
    return this.many('libraryEntries', pipeline.libraryEntriesQ, TargetEntryModel, this.scoped);
  }
  get project() {
    return this.one('project', pipeline.projectsByIdQ, ProjectModel, this.scoped);
  }
  get projectEnterprise() {
    return this.one('projectEnterprise', pipeline.projectEnterprisesQ, EnterpriseModel);
  }
  get projectRegion() {
    return this.one('projectRegion', pipeline.projectRegionsQ, RegionModel);
  }
  get projectLinks() {
    return this.many('projectLinks', pipeline.projectLinksQ, LinkModel);
  }
  get projectTaskForce() {
    return this.one('projectTaskForce', pipeline.projectTaskForcesQ, TaskForceModel, this.scoped);
  }
  get projectFunds() {
    return this.many('projectFunds', pipeline.projectFundsQ, FundsEntryModel, this.scoped);
  }
  get projectEvents() {
    return this.many('projectEvents', pipeline.projectEventsQ, StageEventModel, this.scoped);
  }
  get kpiTarget() {
    return this.one('kpiTarget', pipeline.kpiTargetsByIdQ, KpiTargetModel, this.scoped);
  }
  /** The audit trail of entities, keyed `Entity:id` (e.g. `Project:pj-2026-001`). */
  get auditOf() {
    return this.many('auditOf', audit.auditOfEntitiesQ, AuditEntryModel, this.scoped);
  }
  get user() {
    return this.one('user', auth.usersByIdQ, UserModel);
  }
  get kpiTargetRegion() {
    return this.one('kpiTargetRegion', pipeline.kpiTargetRegionsQ, RegionModel);
  }
}

export function createLoaders(
  executor: Executor,
  scope: () => Promise<ScopeParam>,
  engineCache: EngineCache,
): Loaders {
  return new Loaders(executor, scope, engineCache);
}
