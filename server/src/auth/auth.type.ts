import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { UserRecord } from './auth.model.js';

export const Role = {
  ADMIN: 'ADMIN',
  CITY_OFFICE: 'CITY_OFFICE',
  TASK_FORCE: 'TASK_FORCE',
  ANALYST: 'ANALYST',
} as const;

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do; always within their scope region (and its regions below).',
  valuesConfig: {
    ADMIN: { description: 'Everything, everywhere, including the chain catalog.' },
    CITY_OFFICE: {
      description:
        '招商办 a city (or county) office: everything within its region, but the national catalog.',
    },
    TASK_FORCE: {
      description:
        "招商专班 a task force: its own chains' target libraries, projects and contacts within its region; reads public data everywhere.",
    },
    ANALYST: { description: 'Reads everything within its scope; changes nothing.' },
  },
});

@ObjectType({ description: 'What the signed-in user may change (the explorer hides the rest).' })
export class Permissions {
  @Field(() => Boolean, { description: 'Chains, links and SUPPLIES (the national catalog).' })
  editCatalog!: boolean;

  @Field(() => Boolean, { description: 'Enterprise facts, their links and relations, within the scope.' })
  editEnterprises!: boolean;

  @Field(() => Boolean, { description: 'Task forces, chain leaders and budgets, within the scope.' })
  editTaskForces!: boolean;

  @Field(() => Boolean, { description: 'People (contacts) and task-force membership, within the scope.' })
  editContacts!: boolean;

  @Field(() => Boolean, { description: 'Target libraries and their entries, within the scope.' })
  editLibraries!: boolean;

  @Field(() => Boolean, { description: 'Projects and their stage moves, within the scope.' })
  editProjects!: boolean;

  @Field(() => Boolean, { description: 'KPI targets, within the scope.' })
  editKpiTargets!: boolean;

  @Field(() => Boolean, { description: 'The audit trail (history of changes), within the scope.' })
  readAudit!: boolean;
}

@ObjectType({ description: '用户 a user of ChainMap, with a role and a scope region.' })
export class User {
  @Field(() => ID, { description: 'User id.' })
  id!: string;

  @Field(() => String, { description: 'User name used to sign in.' })
  username!: string;

  @Field(() => String, { nullable: true, description: 'Name shown in the explorer.' })
  displayName!: string | null;

  @Field(() => Role, { description: 'Role.' })
  role!: UserRecord['role'];

  @Field(() => String, {
    nullable: true,
    description: 'Scope region code (the region and every region within it); null for ADMIN.',
  })
  regionCode!: string | null;
}

@ObjectType({ description: 'A signed-in session: send `token` as `Authorization: Bearer <token>`.' })
export class SignInPayload {
  @Field(() => String, { description: 'Signed token (JWT); valid until `expiresAt`.' })
  token!: string;

  @Field(() => String, { description: 'When the token expires (ISO 8601 date-time).' })
  expiresAt!: string;

  @Field(() => User, { description: 'Who signed in.' })
  user!: UserRecord;
}
