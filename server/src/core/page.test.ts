import { describe, expect, it } from 'vitest';
import { toPage } from './page.js';
import { decodeCursor } from './relay.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, v: i }));
const cursorOf = (r: { id: string; v: number }) => ({ v: r.v, id: r.id });

describe('toPage', () => {
  it('uses the extra row only to tell that a next page exists', () => {
    const p = toPage(rows(4), 3, false, cursorOf, 10);
    expect(p.edges.map((e) => e.node.id)).toEqual(['r0', 'r1', 'r2']);
    expect(p.pageInfo.hasNextPage).toBe(true);
    expect(p.pageInfo.hasPreviousPage).toBe(false);
    expect(decodeCursor(p.pageInfo.endCursor!)).toEqual({ v: 2, id: 'r2' });
    expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
    expect(p.totalCount).toBe(10);
  });

  it('ends on a short or exactly full last page', () => {
    expect(toPage(rows(2), 3, true, cursorOf, null).pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
    expect(toPage(rows(3), 3, true, cursorOf, null).pageInfo.hasNextPage).toBe(false);
  });

  it('has null cursors on an empty page', () => {
    expect(toPage([], 3, true, cursorOf, 0).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
