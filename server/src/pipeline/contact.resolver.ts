import { Arg, Ctx, FieldResolver, InputType, Field, Int, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { checkRegionInScope } from '../auth/viewer.js';
import type { Context } from '../core/context.js';
import { fromZod } from '../core/errors.js';
import { keyOf } from '../core/relay.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { Enterprise } from '../enterprise/enterprise.type.js';
import type { ContactRecord } from './contact.model.js';
import { contactLoaders, contactsFiltered, type AmountEntryRecord } from './contact.store.js';
import { AmountEntry, Contact } from './contact.type.js';
import type { PersonRecord, ProjectRecord, TaskForceRecord } from './pipeline.model.js';
import { Person, Project, TaskForce } from './pipeline.type.js';

@InputType({ description: 'Filters on contacts; all given must hold.' })
export class ContactFilter {
  @Field(() => String, { nullable: true, description: '地区: contacts of task forces in it or within it.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '产业链 chain id.' })
  chainId?: string | null;

  @Field(() => String, { nullable: true, description: '招商专班 task force id.' })
  taskForceId?: string | null;

  @Field(() => String, { nullable: true, description: 'Who made them (person id).' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'The enterprise met (id).' })
  enterpriseId?: string | null;
}

const key = z.string().trim().min(1).max(300);
const FilterModel = z.object({
  regionCode: key.transform((v) => keyOf('Region', v)).nullish(),
  chainId: key.transform((v) => keyOf('Chain', v)).nullish(),
  taskForceId: key.transform((v) => keyOf('TaskForce', v)).nullish(),
  personId: key.transform((v) => keyOf('Person', v)).nullish(),
  enterpriseId: key.transform((v) => keyOf('Enterprise', v)).nullish(),
});

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => [Contact], { description: '走访/洽谈记录 contacts within your scope, newest first.' })
  async contacts(
    @Ctx() ctx: Context,
    @Arg('filter', () => ContactFilter, { nullable: true, description: 'All given conditions must hold.' })
    filter: ContactFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1–200 (default 50).' })
    first: number | null,
  ): Promise<ContactRecord[]> {
    const f = FilterModel.safeParse({ ...filter });
    if (!f.success) throw fromZod(f.error, 'filter');
    const n = z
      .number()
      .int()
      .min(1)
      .max(200)
      .safeParse(first ?? 50);
    if (!n.success) throw fromZod(n.error, 'first');
    const scope = await ctx.viewer.scope();
    checkRegionInScope(scope, f.data.regionCode ?? null, 'filter.regionCode');
    return contactsFiltered(
      ctx.executor,
      scope.param,
      {
        regionCode: f.data.regionCode ?? null,
        chainId: f.data.chainId ?? null,
        taskForceId: f.data.taskForceId ?? null,
        personId: f.data.personId ?? null,
        enterpriseId: f.data.enterpriseId ?? null,
      },
      n.data,
    );
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who made the contact (MADE_BY).' })
  person(@Ctx() ctx: Context, @Root() c: ContactRecord): Promise<PersonRecord | null> {
    return c.personId ? ctx.loaders.person.load(c.personId) : Promise.resolve(null);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise met (MET).' })
  enterprise(@Ctx() ctx: Context, @Root() c: ContactRecord): Promise<EnterpriseRecord | null> {
    return c.enterpriseId ? ctx.loaders.enterprise.load(c.enterpriseId) : Promise.resolve(null);
  }

  @FieldResolver(() => TaskForce, {
    nullable: true,
    description: 'The task force it is logged for (LOGGED_FOR).',
  })
  taskForce(@Ctx() ctx: Context, @Root() c: ContactRecord): Promise<TaskForceRecord | null> {
    return c.taskForceId ? ctx.loaders.taskForce.load(c.taskForceId) : Promise.resolve(null);
  }
}

@Resolver(() => TaskForce)
export class TaskForceContactsResolver {
  @FieldResolver(() => [Contact], { description: '走访/洽谈记录 its latest 20 contacts, newest first.' })
  contacts(@Ctx() ctx: Context, @Root() t: TaskForceRecord): Promise<ContactRecord[]> {
    return contactLoaders(ctx).taskForceContacts.load(t.key);
  }
}

@Resolver(() => Project)
export class ProjectAmountsResolver {
  @FieldResolver(() => [AmountEntry], {
    description: '投资额调整 dated revisions of the amount (HAS_AMOUNT), oldest first.',
  })
  amounts(@Ctx() ctx: Context, @Root() p: ProjectRecord): Promise<AmountEntryRecord[]> {
    return contactLoaders(ctx).projectAmounts.load(p.key);
  }
}
