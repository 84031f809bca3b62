import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a Relay connection sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last edge of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description:
      'True when items precede this page. Pagination is forward only (`first`/`after`), so this is true exactly when `after` was given.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page. Null on an empty page.',
  })
  endCursor!: string | null;
}
