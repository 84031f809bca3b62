// Contender (b) of the peers benchmark: the API `@neo4j/graphql` generates over the same graph.
// Type definitions for Enterprise, Region, Link and Chain and their relationships, as the graph
// holds them (graph/README.md), nothing else: no @cypher fields (those would be ChainMap's own
// Cypher under another name), its own Apollo server with default settings. What it is asked is in
// bench/peers/questions.ts, with what it can and cannot express.
//
//   PORT=4791 NEO4J_URI=bolt://127.0.0.1:7771 node bench/dist/peers/neo4j-graphql.js
//   node bench/dist/peers/neo4j-graphql.js --print-schema     # the generated schema, to read
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { printSchema } from 'graphql';
import neo4j from 'neo4j-driver';

export const typeDefs = `#graphql
  type Enterprise @node {
    id: ID!
    name: String!
    tags: [String!]
    revenue: Float
    regionCode: String
    provinceCode: String
    cityCode: String
    countyCode: String
    locatedIn: [Region!]! @relationship(type: "LOCATED_IN", direction: OUT)
    operatesIn: [Link!]! @relationship(type: "OPERATES_IN", direction: OUT)
  }
  type Region @node {
    code: String!
    name: String!
    level: String
    parent: [Region!]! @relationship(type: "WITHIN", direction: OUT)
    enterprises: [Enterprise!]! @relationship(type: "LOCATED_IN", direction: IN)
  }
  type Link @node {
    id: ID!
    name: String!
    stage: String
    key: Boolean
    chain: [Chain!]! @relationship(type: "HAS_LINK", direction: IN)
    parent: [Link!]! @relationship(type: "PART_OF", direction: OUT)
    subLinks: [Link!]! @relationship(type: "PART_OF", direction: IN)
    enterprises: [Enterprise!]! @relationship(type: "OPERATES_IN", direction: IN)
  }
  type Chain @node {
    id: ID!
    name: String!
    links: [Link!]! @relationship(type: "HAS_LINK", direction: OUT)
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { maxConnectionPoolSize: 100 },
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
if (process.argv.includes('--print-schema')) {
  process.stdout.write(printSchema(schema));
  await driver.close();
  process.exit(0);
}
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4791) },
});
process.stdout.write(`neo4j-graphql listening ${url}\n`);
const stop = () => void server.stop().then(() => driver.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
