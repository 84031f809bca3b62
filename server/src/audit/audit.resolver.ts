import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context.js';
import type { Page } from '../core/page.js';
import type { ProjectRecord, TargetEntryRecord } from '../pipeline/pipeline.model.js';
import { Project, TargetLibraryEntry } from '../pipeline/pipeline.type.js';
import type { AuditEntryRecord } from './audit.model.js';
import { auditConnection, changesOf } from './audit.service.js';
import { AuditEntry, AuditEntryConnection, FieldChange } from './audit.type.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      '审计 the audit trail: every write, newest first, within your scope (ADMIN and CITY_OFFICE only).',
  })
  auditLog(
    @Ctx() ctx: Context,
    @Arg('entityId', () => String, {
      nullable: true,
      description: 'Only the changes of this entity (its id, e.g. `pj-2026-001`).',
    })
    entityId: string | null,
    @Arg('entity', () => String, { nullable: true, description: 'Only this entity type, e.g. `Project`.' })
    entity: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })
    after: string | null,
  ): Promise<Page<AuditEntryRecord>> {
    return auditConnection(ctx, { entityId, entity, first, after });
  }

  @FieldResolver(() => [FieldChange], { description: 'The fields this write changed (version left out).' })
  changes(@Root() e: AuditEntryRecord): FieldChange[] {
    return changesOf(e);
  }
}

@Resolver(() => Project)
export class ProjectHistoryResolver {
  @FieldResolver(() => [AuditEntry], {
    description: 'Every change of this project, newest first (ADMIN and CITY_OFFICE only).',
  })
  history(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<AuditEntryRecord[]> {
    return ctx.loaders.auditOf.load(`Project:${p.key}`);
  }
}

@Resolver(() => TargetLibraryEntry)
export class EntryHistoryResolver {
  @FieldResolver(() => [AuditEntry], {
    description: 'Every change of this library entry, newest first (ADMIN and CITY_OFFICE only).',
  })
  history(@Ctx() ctx: Context, @Root() e: TargetEntryRecord): Promise<AuditEntryRecord[]> {
    return ctx.loaders.auditOf.load(`LibraryEntry:${e.libraryId}/${e.enterprise.key}`);
  }
}
