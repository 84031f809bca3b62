import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { AuditResolver, EntryHistoryResolver, ProjectHistoryResolver } from './audit/audit.resolver.js';
import { AuthResolver, UserResolver } from './auth/auth.resolver.js';
import { guardSchema } from './auth/guard.js';
import { ChainMutationResolver } from './chain/chain.mutation.js';
import { ChainResolver } from './chain/chain.resolver.js';
import { LinkResolver } from './chain/link.resolver.js';
import { EngineResolver } from './engine/engine.resolver.js';
import { EnterpriseMutationResolver } from './enterprise/enterprise.mutation.js';
import { EnterpriseResolver } from './enterprise/enterprise.resolver.js';
import { HealthResolver } from './health/health.resolver.js';
import { NodeResolver } from './node/node.resolver.js';
import { KpiTargetMutationResolver } from './pipeline/kpi.mutation.js';
import { KpiTargetResolver } from './pipeline/kpi.resolver.js';
import { ProjectMutationResolver } from './pipeline/project.mutation.js';
import { ProjectResolver } from './pipeline/project.resolver.js';
import { TargetLibraryMutationResolver } from './pipeline/target-library.mutation.js';
import { TargetLibraryEntryResolver, TargetLibraryResolver } from './pipeline/target-library.resolver.js';
import { TaskForceMutationResolver } from './pipeline/task-force.mutation.js';
import { PersonResolver, TaskForceResolver } from './pipeline/task-force.resolver.js';
import { RegionResolver, SourceZoneResolver } from './region/region.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { TrackingMutationResolver } from './pipeline/contact.mutation.js';
import {
  ContactResolver,
  ProjectAmountsResolver,
  TaskForceContactsResolver,
} from './pipeline/contact.resolver.js';
import {
  KpiLineResolver,
  LeaderDutyResolver,
  TrackingResolver,
  WarningResolver,
} from './tracking/tracking.resolver.js';

/** Every resolver class of the API. A feature joins the schema by being listed here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  AuthResolver,
  UserResolver,
  AuditResolver,
  ProjectHistoryResolver,
  EntryHistoryResolver,
  NodeResolver,
  RegionResolver,
  SourceZoneResolver,
  ChainResolver,
  LinkResolver,
  EnterpriseResolver,
  ProjectResolver,
  TaskForceResolver,
  PersonResolver,
  TargetLibraryResolver,
  TargetLibraryEntryResolver,
  KpiTargetResolver,
  SearchResolver,
  EngineResolver,
  // Tracking (考核、排位、预警、通报, contacts, leaders' duties).
  TrackingResolver,
  KpiLineResolver,
  WarningResolver,
  LeaderDutyResolver,
  ContactResolver,
  TaskForceContactsResolver,
  ProjectAmountsResolver,
  // Mutations (the write side): every one runs through core/mutation.ts.
  ChainMutationResolver,
  EnterpriseMutationResolver,
  TaskForceMutationResolver,
  TargetLibraryMutationResolver,
  ProjectMutationResolver,
  KpiTargetMutationResolver,
  TrackingMutationResolver,
];

let cached: Promise<GraphQLSchema> | undefined;

/**
 * The executable schema, built once per process from the decorated classes, with every root
 * field guarded by its access (auth/policy.ts, auth/guard.ts). Every object type is built as
 * `simpleResolvers` (set here for all, so that no type can miss it): graphql-js reads its plain
 * fields itself, without type-graphql's wrapper around each (a page of fifty firms reads
 * hundreds). That wrapper only serves type-graphql's middlewares and authChecker, which ChainMap
 * does not use: access is checked by guardSchema, which wraps the fields it guards whatever
 * their resolver. A field with a resolver of its own (`@FieldResolver`) keeps it.
 */
export function buildAppSchema(): Promise<GraphQLSchema> {
  if (!cached) {
    for (const type of getMetadataStorage().objectTypes) type.simpleResolvers = true;
    cached = buildSchema({ resolvers, validate: false, emitSchemaFile: false }).then((schema) => {
      guardSchema(schema);
      return schema;
    });
  }
  return cached;
}
