import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiled } from '../core/models.js';
import { EnterpriseListModel, EnterpriseModel } from './enterprise.model.js';

// The same firm as Cypher returns it in each form: a map (`enterpriseFields`) and a list in
// the properties' order (`enterpriseList`).
const full = {
  id: 'e1',
  name: '宁德时代',
  fullName: '宁德时代新能源科技股份有限公司',
  stockCode: '300750',
  creditCode: '91350900587527783P',
  tags: ['LISTED', 'LEADER'],
  revenue: 4009.17,
  employees: 132000,
  industryCode: 'C3841',
  synthetic: false,
  regionCode: '350902',
  provinceCode: '350000',
  cityCode: '350900',
  countyCode: '350902',
  version: 3,
};
const sparse = {
  ...full,
  id: 'e2',
  fullName: null,
  stockCode: null,
  tags: null,
  revenue: null,
  synthetic: null,
};
const asList = (e: typeof full | typeof sparse) => Object.values(e);

describe('enterprise models', () => {
  it('read a firm as a list into the same record as from a map', () => {
    for (const e of [full, sparse]) {
      expect(EnterpriseListModel.parse(asList(e))).toEqual(EnterpriseModel.parse(e));
    }
    expect(EnterpriseListModel.parse(asList(sparse))).toMatchObject({
      key: 'e2',
      tags: [],
      synthetic: false,
      fullName: null,
    });
  });

  it('compiled, parse a page as the ordinary parser does and refuse the same rows', () => {
    const page = z.array(EnterpriseListModel);
    const fast = compiled(page);
    const rows = [asList(full), asList(sparse)];
    expect(fast.parse(rows)).toEqual(page.parse(rows));

    // A wrong value is named by its row and position; a row of the wrong length is refused.
    const wrong = [asList(full), asList({ ...full, name: 42 as unknown as string })];
    const failure = fast.safeParse(wrong);
    expect(failure.success).toBe(false);
    expect(failure.error?.issues.map((i) => i.path)).toEqual([[1, 1]]);
    expect(failure.error?.issues).toEqual(page.safeParse(wrong).error?.issues);
    expect(fast.safeParse([asList(full).slice(1)]).success).toBe(false);
  });
});
