import { buildSchema, execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selection.js';

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
