import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client selected `name` directly under the field being resolved (through aliases,
 * fragments and inline fragments), so a resolver can skip work nobody asked for, e.g. a
 * connection's `totalCount` query.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}

/**
 * Whether the client selected the field at `path` below the field being resolved, each step
 * directly under the one before (through aliases, fragments and inline fragments), e.g.
 * `['edges', 'node', 'region']` on a connection: so a resolver can fetch in the same query what
 * the fields below it will need.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): boolean => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field' && s.name.value === path[depth]) {
        if (depth === path.length - 1 || visit(s.selectionSet, depth + 1, new Set())) return true;
      }
      if (s.kind === 'InlineFragment' && visit(s.selectionSet, depth, seen)) return true;
      if (s.kind === 'FragmentSpread' && !seen.has(s.name.value)) {
        seen.add(s.name.value);
        if (visit(info.fragments[s.name.value]?.selectionSet, depth, seen)) return true;
      }
    }
    return false;
  };
  return path.length > 0 && info.fieldNodes.some((node) => visit(node.selectionSet, 0, new Set()));
}
