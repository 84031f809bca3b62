import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The Neo4j server behind the API.' })
export class Neo4jInfo {
  @Field(() => String, { description: 'Neo4j kernel version, e.g. 5.26.0.' })
  version!: string;

  @Field(() => String, { description: 'Neo4j edition: community or enterprise.' })
  edition!: string;
}

@ObjectType({ description: 'Whether the API can serve requests.' })
export class Health {
  @Field(() => Boolean, { description: 'True when the API reached the database just now.' })
  ok!: boolean;

  @Field(() => Neo4jInfo, { nullable: true, description: 'The database, when it answered.' })
  neo4j!: Neo4jInfo | null;
}
