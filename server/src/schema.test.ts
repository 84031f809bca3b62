import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from './schema.js';
import { printSchemaFile } from './schema-file.js';

/** Every type, field, argument, input field and enum value without a description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
      continue;
    // type-graphql gives the root operation types no description.
    if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType())
      missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    if (isUnionType(type) && type.getTypes().length === 0) missing.push(`${type.name} (no members)`);
  }
  return missing;
}

describe('the GraphQL schema', () => {
  it('describes every type, field, argument and enum value', async () => {
    expect(undocumented(await buildAppSchema())).toEqual([]);
  });

  it('is what server/schema.graphql holds (run `npm run schema` after changing the API)', async () => {
    const committed = await readFile(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8');
    expect(committed).toBe(await printSchemaFile());
  });

  it('lets graphql-js read plain fields itself; fields with resolvers of their own keep them', async () => {
    const schema = await buildAppSchema();
    const fields = (name: string) => {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      return type.getFields();
    };
    for (const [type, field] of [
      ['Enterprise', 'name'],
      ['Enterprise', 'key'],
      ['PageInfo', 'hasNextPage'],
      ['Health', 'ok'],
    ] as const)
      expect(fields(type)[field]!.resolve, `${type}.${field}`).toBeUndefined();
    expect(fields('Enterprise').region!.resolve).toBeTypeOf('function');
  });

  it('gives every Node a domain key', async () => {
    const schema = await buildAppSchema();
    const nodes = schema.getPossibleTypes(schema.getType('Node') as never);
    expect(nodes.map((t) => t.name).sort()).toEqual([
      'Chain',
      'Enterprise',
      'KpiTarget',
      'Link',
      'Person',
      'Project',
      'Region',
      'SourceZone',
      'TargetLibrary',
      'TaskForce',
    ]);
    for (const t of nodes) {
      const fields = (t as { getFields(): Record<string, unknown> }).getFields();
      expect(t.name === 'Region' ? fields.code : fields.key, t.name).toBeDefined();
    }
  });
});
