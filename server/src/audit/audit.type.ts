import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo } from '../core/connection.js';
import type { AuditEntryRecord } from './audit.model.js';

@ObjectType({ description: 'One field a change touched, with its value before and after.' })
export class FieldChange {
  @Field(() => String, { description: 'The stored property, e.g. `stage`, `priority`.' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value before; null when unset or created.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value after; null when cleared or deleted.' })
  after!: unknown;
}

@ObjectType({ description: '审计记录 one write: who changed what, when, and the record before and after.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Entry id.' })
  id!: string;

  @Field(() => String, { description: 'When (ISO 8601 date-time, UTC).' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'User name of who made the change.' })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: 'Their role at the time.' })
  actorRole!: string | null;

  @Field(() => String, { description: 'The mutation, e.g. `moveProjectStage`.' })
  mutation!: string;

  @Field(() => String, { description: 'The entity type written, e.g. `Project`, `LibraryEntry`.' })
  entity!: string;

  @Field(() => String, {
    description: 'Its id (relations: both ends, e.g. `tl-421200-health/cn-600276.SH` for a library entry).',
  })
  entityId!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Stored properties before; null when created.',
  })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Stored properties after; null when deleted.',
  })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The request that made it (X-Request-Id).' })
  requestId!: string | null;
}

@ObjectType({ description: 'An audit entry in a connection.' })
export class AuditEntryEdge {
  @Field(() => AuditEntry, { description: 'The entry.' })
  node!: AuditEntryRecord;

  @Field(() => String, { description: 'Cursor for `after`.' })
  cursor!: string;
}

@ObjectType({ description: 'Audit entries, newest first (Relay connection).' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The entries of this page, newest first.' })
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits.' })
  pageInfo!: PageInfo;
}
