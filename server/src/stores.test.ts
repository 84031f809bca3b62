import type { CypherQuery } from '@chainmap/graph';
import { describe, expect, it } from 'vitest';
import * as audit from './audit/audit.store.js';
import * as auth from './auth/auth.store.js';
import * as writeScope from './auth/write-scope.store.js';
import * as chain from './chain/chain.store.js';
import * as enterprise from './enterprise/enterprise.store.js';
import * as pipeline from './pipeline/pipeline.store.js';
import * as region from './region/region.store.js';
import * as search from './search/search.store.js';

const isQuery = (v: unknown): v is CypherQuery =>
  typeof v === 'object' &&
  v !== null &&
  'name' in v &&
  'text' in v &&
  typeof (v as CypherQuery).text === 'string';

/** Every named template the stores export, including both variants of the project list. */
function exported(): CypherQuery[] {
  const out: CypherQuery[] = [];
  for (const mod of [region, chain, enterprise, pipeline, search, auth, writeScope, audit]) {
    for (const v of Object.values(mod)) {
      if (isQuery(v)) out.push(v);
      else if (typeof v === 'object' && v !== null) out.push(...Object.values(v).filter(isQuery));
    }
  }
  return out;
}

const base: enterprise.EnterpriseQuery = {
  regionCode: null,
  linkId: null,
  chainId: null,
  tags: null,
  revenueMin: null,
  revenueMax: null,
  lucene: null,
};
const page = (q: Partial<enterprise.EnterprisePageQuery>): enterprise.EnterprisePageQuery => ({
  ...base,
  order: { field: 'NAME', direction: 'ASC' },
  after: null,
  limit: 21,
  ...q,
});

/** The enterprise list templates for a representative set of filter shapes. */
const shapes: CypherQuery[] = [
  enterprise.pageTemplate(page({})),
  enterprise.pageTemplate(page({ after: { v: '咸宁', id: 'e1' } })),
  enterprise.pageTemplate(
    page({ regionCode: '421200', order: { field: 'REVENUE', direction: 'DESC' }, after: { v: 3, id: 'e' } }),
  ),
  enterprise.pageTemplate(
    page({
      linkId: 'nev.cell',
      regionCode: '421200',
      tags: ['上市公司'],
      order: { field: 'ID', direction: 'ASC' },
    }),
  ),
  enterprise.pageTemplate(
    page({ lucene: '"电池"', linkId: 'nev.cell', chainId: 'nev', revenueMin: 1, revenueMax: 2 }),
  ),
  enterprise.pageTemplate(page({ lucene: '"电池"', regionCode: '421200' })),
  enterprise.pageTemplate(page({ linkId: 'nev.cell', regionCode: '421202', regions: ['regionCode'] })),
  enterprise.countTemplate({ ...base, regionCode: '421200' }),
  enterprise.countTemplate({ ...base, chainId: 'nev', regionCode: '421200' }),
  enterprise.countTemplate(base),
];

describe('store Cypher', () => {
  it('every template has its own name', () => {
    const names = [...exported(), ...shapes].map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is visible in review: a changed query shows up in this snapshot', () => {
    const all = Object.fromEntries([...exported(), ...shapes].map((q) => [q.name, q.text]));
    expect(all).toMatchSnapshot();
  });

  it('names enterprise list templates after their shape', () => {
    expect(shapes.map((q) => q.name)).toEqual([
      'enterprisePage[all;NAME_ASC]',
      'enterprisePage[all;NAME_ASC;after]',
      'enterprisePage[region;REVENUE_DESC;after]',
      'enterprisePage[link|region+tags;ID_ASC]',
      'enterprisePage[text+link+chain+revenueMin+revenueMax;NAME_ASC]',
      'enterprisePage[text+region;NAME_ASC]',
      'enterprisePage[link|region;NAME_ASC;regions]',
      'enterpriseCount[region]',
      'enterpriseCount[chain|region]',
      'enterpriseCount[all]',
    ]);
  });
});
