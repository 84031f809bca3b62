import type { SearchResults_HitFragment } from '../gql/graphql';
import type { Scope } from '../app/scope';
import { scopedHref } from '../app/scope';
import { LINK_STAGE_LABEL, REGION_LEVEL_LABEL, tagLabel } from '../ui/labels';

export const KIND_LABEL: Record<string, string> = {
  REGION: '地区',
  CHAIN: '产业链',
  LINK: '环节',
  ENTERPRISE: '企业',
};
export const KIND_ORDER = ['REGION', 'CHAIN', 'LINK', 'ENTERPRISE'];

/** Hits grouped by kind, in the order 地区 / 产业链 / 环节 / 企业, best first within a group. */
export function groupHits(hits: readonly SearchResults_HitFragment[]) {
  return KIND_ORDER.map((kind) => ({
    kind,
    label: KIND_LABEL[kind]!,
    hits: hits.filter((h) => h.kind === kind).sort((a, b) => b.score - a.score),
  })).filter((g) => g.hits.length > 0);
}

/** Where a hit leads and how it reads. Choosing a region or chain keeps the other part of the scope. */
export function describeHit(
  h: SearchResults_HitFragment,
  scope: Scope,
): { href: string; title: string; sub: string } {
  const n = h.node;
  switch (n.__typename) {
    case 'Region':
      return {
        href: scopedHref(scope.chain ? '/chain' : '/', { ...scope, region: n.code }),
        title: n.name,
        sub: `${REGION_LEVEL_LABEL[n.level] ?? ''}${n.parent ? ` · ${n.parent.name}` : ''}`,
      };
    case 'Chain':
      return { href: scopedHref('/chain', { ...scope, chain: n.key }), title: n.name, sub: '产业链' };
    case 'Link':
      return {
        href: scopedHref('/chain', { ...scope, chain: n.chain?.key ?? scope.chain }, { link: n.key }),
        title: n.name,
        sub: `${n.chain?.name ?? ''} · ${LINK_STAGE_LABEL[n.stage] ?? ''}`,
      };
    case 'Enterprise':
      return {
        href: scopedHref(`/enterprise/${encodeURIComponent(n.key)}`, scope),
        title: n.name,
        sub: [n.stockCode, n.city?.name, ...n.tags.slice(0, 2).map(tagLabel)].filter(Boolean).join(' · '),
      };
    default:
      return { href: '/', title: '—', sub: '' };
  }
}
