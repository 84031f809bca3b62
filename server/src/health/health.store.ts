import { cypher, type Executor } from '@chainmap/graph';
import { z } from 'zod';

// neo4jComponents
const componentsQ = cypher(
  'neo4jComponents',
  `CALL dbms.components() YIELD name, versions, edition
   WHERE name = 'Neo4j Kernel'
   RETURN versions[0] AS version, edition`,
);

const Neo4jInfoModel = z.object({ version: z.string(), edition: z.string() });

/** The database's version and edition, read from the database itself. */
export async function readNeo4jInfo(executor: Executor): Promise<z.infer<typeof Neo4jInfoModel>> {
  const [row] = await executor.read(componentsQ);
  return Neo4jInfoModel.parse(row);
}
