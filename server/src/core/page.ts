import { encodeCursor, type CursorValue } from './relay.js';

/** A page as services hand it to resolvers: GraphQL's connection shape, nodes still plain records. */
export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** Null when the client did not select `totalCount` (so it was not counted). */
  totalCount: number | null;
}

/** An edge whose cursor is encoded when it is read: most queries ask for the nodes only. */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (row: T) => CursorValue,
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorOf(this.node));
  }
}

/**
 * Build a page from rows fetched with `LIMIT first + 1`: the extra row only tells whether a next
 * page exists. `cursorOf` gives the keyset position (sort value and id) of a row.
 */
export function toPage<T>(
  rows: T[],
  first: number,
  hadCursor: boolean,
  cursorOf: (row: T) => CursorValue,
  totalCount: number | null,
): Page<T> {
  const edges = rows.slice(0, first).map((node) => new Edge(node, cursorOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
