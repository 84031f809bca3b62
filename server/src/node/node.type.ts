import { Field, ID, InterfaceType } from 'type-graphql';

/** Every entity the API returns carries its GraphQL type name, set by its zod model. */
export interface Typed {
  __typename: string;
}

@InterfaceType({
  description:
    'An entity with a global id (Relay Object Identification). Fetch any of them again with `node(id:)`.',
  resolveType: (value: Typed) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Global id: opaque, stable, unique across types. Root lookups also accept the domain key (`code` or `key`).',
  })
  id!: string;
}
