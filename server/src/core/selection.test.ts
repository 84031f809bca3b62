import { buildSchema, execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField, selectsPath } from './selection.js';

const schema = buildSchema(`
  type Conn { totalCount: Int, edges: [Int] }
  type Query { conn: Conn }
`);

/** Whether `conn`'s resolver sees `totalCount` selected in `query`. */
function sees(query: string): boolean {
  let seen: boolean | undefined;
  execute({
    schema,
    document: parse(query),
    rootValue: {
      conn: (_: unknown, _ctx: unknown, info: Parameters<typeof selectsField>[0]) => {
        seen = selectsField(info, 'totalCount');
        return {};
      },
    },
  });
  return seen!;
}

describe('selectsField', () => {
  it('sees a field selected directly, under an alias, or through fragments', () => {
    expect(sees('{ conn { totalCount } }')).toBe(true);
    expect(sees('{ conn { n: totalCount } }')).toBe(true);
    expect(sees('{ conn { ... on Conn { totalCount } } }')).toBe(true);
    expect(
      sees('{ conn { ...F } } fragment F on Conn { edges ...G } fragment G on Conn { totalCount }'),
    ).toBe(true);
  });

  it('does not see it when only other fields are selected', () => {
    expect(sees('{ conn { edges } }')).toBe(false);
    expect(sees('{ conn { ...F } } fragment F on Conn { edges }')).toBe(false);
  });
});

const nested = buildSchema(`
  type Region { code: String }
  type Node { name: String, region: Region }
  type Edge { node: Node }
  type Conn { edges: [Edge] }
  type Query { conn: Conn }
`);

/** Whether `conn`'s resolver sees `edges.node.region` selected in `query`. */
function seesRegion(query: string): boolean {
  let seen: boolean | undefined;
  execute({
    schema: nested,
    document: parse(query),
    rootValue: {
      conn: (_: unknown, _ctx: unknown, info: Parameters<typeof selectsPath>[0]) => {
        seen = selectsPath(info, ['edges', 'node', 'region']);
        return {};
      },
    },
  });
  return seen!;
}

describe('selectsPath', () => {
  it('sees a nested field through aliases and fragments at any step', () => {
    expect(seesRegion('{ conn { edges { node { region { code } } } } }')).toBe(true);
    expect(seesRegion('{ conn { e: edges { n: node { r: region { code } } } } }')).toBe(true);
    expect(
      seesRegion(
        '{ conn { ...C } } fragment C on Conn { edges { node { ...N } } } fragment N on Node { region { code } }',
      ),
    ).toBe(true);
    expect(
      seesRegion('{ conn { edges { node { name } } ... on Conn { edges { node { region { code } } } } } }'),
    ).toBe(true);
  });

  it('does not see a field of that name at another depth', () => {
    expect(seesRegion('{ conn { edges { node { name } } } }')).toBe(false);
    expect(seesRegion('{ conn { edges { region: node { name } } } }')).toBe(false);
  });
});
