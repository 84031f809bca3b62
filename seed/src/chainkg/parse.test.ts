import { describe, expect, it } from 'vitest';
import { CompanyIndustryRow, CompanyRow, parseJsonLines, readChainkg } from './parse.js';

describe('parseJsonLines', () => {
  it('reports a bad line with its file, line and reason, skips it and reads on', async () => {
    const lines = [
      '\uFEFF{"name": "邵阳液压", "fullname": "邵阳维克液压股份有限公司", "code": "301079", "location": "深圳证券交易所", "time": "2021-10-19"}',
      '{"name": "broken", "fullname": ',
      '',
      '{"name": "同益中", "fullname": "北京同益中新材料科技股份有限公司", "code": "68872", "location": "上海证券交易所", "time": "2021-10-19"}',
      '{"name": "华瓷股份", "code": "001216", "location": "深圳证券交易所", "time": "2021-10-19"}',
      '   ',
      '{"name": "中文传媒", "fullname": "中文天地出版传媒集团股份有限公司", "code": "600373.SH", "location": "上海证券交易所", "time": "2002-03-04"}',
    ];
    const parsed = await parseJsonLines(lines, CompanyRow, 'company.json');
    expect(parsed.linesRead).toBe(5);
    expect(parsed.rows.map((r) => [r.line, r.value.name])).toEqual([
      [1, '邵阳液压'],
      [7, '中文传媒'],
    ]);
    expect(parsed.issues.map((i) => [i.file, i.line])).toEqual([
      ['company.json', 2],
      ['company.json', 4],
      ['company.json', 5],
    ]);
    expect(parsed.issues[0]!.reason).toMatch(/^not JSON/);
    expect(parsed.issues[1]!.reason).toMatch(/^code: expected a 6-digit stock code/);
    expect(parsed.issues[2]!.reason).toMatch(/^fullname:/);
  });

  it('accepts a lower-case exchange suffix, which normalisation upper-cases', async () => {
    const row =
      '{"company_code": "300957.sz", "industry_code": "770202", "industry_name": "品牌化妆品", "company_name": "贝泰妮", "rel": "所属行业"}';
    const parsed = await parseJsonLines([row], CompanyIndustryRow, 'company_industry.json');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows[0]!.value.company_code).toBe('300957.sz');
  });
});

describe('readChainkg', () => {
  // Line counts checked with `grep -c .` on each file (company_industry.json lacks a final newline).
  it('streams all five files without a bad line', async () => {
    const files = await readChainkg();
    expect(files.companies.linesRead).toBe(4654);
    expect(files.industries.linesRead).toBe(511);
    expect(files.industryLinks.linesRead).toBe(480);
    expect(files.companyIndustries.linesRead).toBe(4430);
    expect(files.industryUps.linesRead).toBe(335);
    for (const f of Object.values(files)) {
      expect(f.issues, f.file).toEqual([]);
      expect(f.rows).toHaveLength(f.linesRead);
    }
    expect(files.companies.rows[3438]).toMatchObject({
      line: 3439,
      value: { code: '300054.SZ', location: '2010-02-11' },
    });
  });
});
