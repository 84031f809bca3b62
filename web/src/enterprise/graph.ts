import type { EnterpriseGraph_PeerFragment } from '../gql/graphql';

export type Relation = 'supplier' | 'customer' | 'investor' | 'investment';

export interface TieNode {
  id: string;
  name: string;
  sub: string;
  relation: Relation | 'self';
  partition: number;
}

export const RELATION_LABEL: Record<Relation, string> = {
  supplier: '供应商',
  customer: '客户',
  investor: '股东',
  investment: '对外投资',
};

/** At most this many firms of each kind are drawn; the lists beside the graph have them all. */
export const PER_KIND = 8;

/**
 * The small graph of an enterprise's ties: suppliers and investors to its left, customers and
 * investments to its right, arrows in the direction of supply or investment.
 */
export function buildTies(
  self: { key: string; name: string },
  ties: {
    suppliers: readonly EnterpriseGraph_PeerFragment[];
    customers: readonly EnterpriseGraph_PeerFragment[];
    investors: readonly { share?: number | null; enterprise: EnterpriseGraph_PeerFragment }[];
    investments: readonly { share?: number | null; enterprise: EnterpriseGraph_PeerFragment }[];
  },
): {
  nodes: TieNode[];
  edges: { id: string; source: string; target: string; relation: Relation; label: string }[];
} {
  const nodes = new Map<string, TieNode>([
    [self.key, { id: self.key, name: self.name, sub: '', relation: 'self', partition: 1 }],
  ]);
  const edges: { id: string; source: string; target: string; relation: Relation; label: string }[] = [];
  const add = (peer: EnterpriseGraph_PeerFragment, relation: Relation, share?: number | null) => {
    if (peer.key === self.key) return;
    const left = relation === 'supplier' || relation === 'investor';
    if (!nodes.has(peer.key))
      nodes.set(peer.key, {
        id: peer.key,
        name: peer.name,
        sub: peer.city?.name ?? '',
        relation,
        partition: left ? 0 : 2,
      });
    const [source, target] = left ? [peer.key, self.key] : [self.key, peer.key];
    const label =
      relation === 'investor' || relation === 'investment'
        ? `投资${share != null ? ` ${Math.round(share * 100)}%` : ''}`
        : '供应';
    edges.push({ id: `${relation}:${peer.key}`, source, target, relation, label });
  };
  ties.suppliers.slice(0, PER_KIND).forEach((p) => add(p, 'supplier'));
  ties.investors.slice(0, PER_KIND).forEach((i) => add(i.enterprise, 'investor', i.share));
  ties.customers.slice(0, PER_KIND).forEach((p) => add(p, 'customer'));
  ties.investments.slice(0, PER_KIND).forEach((i) => add(i.enterprise, 'investment', i.share));
  return { nodes: [...nodes.values()], edges };
}
