import { beforeAll, describe, expect, it } from 'vitest';
import { createLocator } from '../regions/locate.js';
import { buildRegions } from '../regions/regions.js';
import {
  MIN_UPSTREAM_MENTIONS,
  exchangeOfDigits,
  importChainkg,
  normaliseStockCode,
  normalizeChainkg,
} from './normalize.js';
import type { ChainkgImport, Company } from './normalize.js';
import {
  CompanyIndustryRow,
  CompanyRow,
  IndustryLinkRow,
  IndustryRow,
  IndustryUpRow,
  parseJsonLines,
} from './parse.js';
import type { ChainkgFiles } from './parse.js';

const regions = buildRegions();
const locate = createLocator(regions);

// ---- Small hand-made inputs -----------------------------------------------------------------

const INDUSTRIES = [
  { code: '640000', name: '机械设备' },
  { code: '640100', name: '通用设备' },
  { code: '640107', name: '仪器仪表' },
  { code: '640108', name: '金属制品' },
  { code: '480000', name: '银行' },
  { code: '480200', name: '国有大型银行Ⅱ' },
  { code: '480201', name: '国有大型银行Ⅲ' },
];
const LINKS = [
  {
    from_code: '640100',
    from_industry: '通用设备',
    rel: '上级行业',
    to_code: '640000',
    to_industry: '机械设备',
  },
  {
    from_code: '640107',
    from_industry: '仪器仪表',
    rel: '上级行业',
    to_code: '640100',
    to_industry: '通用设备',
  },
  {
    from_code: '640108',
    from_industry: '金属制品',
    rel: '上级行业',
    to_code: '640100',
    to_industry: '通用设备',
  },
  {
    from_code: '480200',
    from_industry: '国有大型银行Ⅱ',
    rel: '上级行业',
    to_code: '480000',
    to_industry: '银行',
  },
  {
    from_code: '480201',
    from_industry: '国有大型银行Ⅲ',
    rel: '上级行业',
    to_code: '480200',
    to_industry: '国有大型银行Ⅱ',
  },
];

type Rows = { [K in keyof ChainkgFiles]?: (object | string)[] };

const company = (
  code: string,
  fullname: string,
  extra: Partial<Record<'name' | 'location' | 'time', string>> = {},
) => ({
  name: fullname.slice(0, 4),
  fullname,
  code,
  location: '上海证券交易所',
  time: '2010-01-04',
  ...extra,
});
const industryOf = (
  company_code: string,
  industry_code: string,
  industry_name: string,
  company_name = 'x',
) => ({
  company_code,
  industry_code,
  industry_name,
  company_name,
  rel: '所属行业',
});

/** Runs hand-made rows (objects, or raw text for a bad line) through the real parser and normaliser. */
async function run(rows: Rows): Promise<ChainkgImport> {
  const lines = (list: (object | string)[] = []) =>
    list.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
  const files: ChainkgFiles = {
    companies: await parseJsonLines(lines(rows.companies), CompanyRow, 'company.json'),
    industries: await parseJsonLines(lines(rows.industries ?? INDUSTRIES), IndustryRow, 'industry.json'),
    industryLinks: await parseJsonLines(
      lines(rows.industryLinks ?? LINKS),
      IndustryLinkRow,
      'industry_industry.json',
    ),
    companyIndustries: await parseJsonLines(
      lines(rows.companyIndustries),
      CompanyIndustryRow,
      'company_industry.json',
    ),
    industryUps: await parseJsonLines(lines(rows.industryUps), IndustryUpRow, 'industry_up.json'),
  };
  return normalizeChainkg(files, locate);
}

const byCode = (result: ChainkgImport, stockCode: string): Company => {
  const c = result.companies.find((x) => x.stockCode === stockCode);
  if (!c) throw new Error(`no company ${stockCode}`);
  return c;
};

// ---- The real dataset -------------------------------------------------------------------------

describe('importChainkg on the real dataset', () => {
  let result: ChainkgImport;
  let get: (stockCode: string) => Company;
  beforeAll(async () => {
    result = await importChainkg({ regions });
    get = (code) => byCode(result, code);
  });

  // Figures checked independently with Python over the raw files: 4586 distinct codes after
  // suffixing bare ones + 20 companies recovered from misaligned rows; 3690 + 637 + 20 industry
  // rows matched, 83 left; 4327 + 20 companies with an industry.
  it('produces these totals', () => {
    const r = result.report;
    expect(r.companies).toEqual({
      rowsRead: 4654,
      distinct: 4606,
      withIndustry: 4347,
      withResolvedProvince: 3097,
    });
    expect(result.companies).toHaveLength(4606);
    expect(new Set(result.companies.map((c) => c.id)).size).toBe(4606);
    expect(r.badLines).toEqual([]);
    expect(r.files['company.json']).toEqual({ linesRead: 4654, rowsAccepted: 4654, rowsRejected: 0 });
  });

  it('suffixes the 752 bare codes from the exchange column', () => {
    expect(result.report.bareCodes.count).toBe(752);
    expect(result.report.bareCodes.examples[0]).toBe('company.json:1 301079 → 301079.SZ');
    expect(get('301079.SZ')).toMatchObject({
      id: 'cn-301079.SZ',
      exchange: 'SZ',
      fullName: '邵阳维克液压股份有限公司',
    });
    expect(get('688722.SH').exchange).toBe('SH');
    expect(
      result.companies.every(
        (c) => /^\d{6}\.(SH|SZ|BJ)$/.test(c.stockCode) && c.stockCode.endsWith(c.exchange),
      ),
    ).toBe(true);
    expect(result.report.exchangeConflicts.count).toBe(0);
  });

  it('recovers the exchange of the row with a date in its exchange column from its code', () => {
    expect(result.report.exchangeColumnInvalid.count).toBe(1);
    expect(get('300054.SZ')).toMatchObject({ name: '鼎龙股份', exchange: 'SZ', listedOn: '2010-02-11' });
    expect(get('300054.SZ').source[0]).toEqual({ file: 'company.json', line: 3439 });
  });

  it('leaves out listing dates that are not dates (81 exchange names, 5 dashes)', () => {
    expect(result.report.listingDateInvalid.count).toBe(86);
    expect(get('300948.SZ').listedOn).toBeUndefined();
    expect(
      result.companies.filter((c) => c.listedOn).every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.listedOn!)),
    ).toBe(true);
  });

  it('merges the 53 duplicated codes, keeping the richest row', () => {
    expect(result.report.duplicateCodes).toMatchObject({ count: 53, extraRows: 68 });
    // A rename: the current name comes first in the file and wins the tie.
    expect(get('600690.SH')).toMatchObject({ name: '海尔智家', fullName: '海尔智家股份有限公司' });
    expect(
      get('600690.SH')
        .source.filter((s) => s.file === 'company.json')
        .map((s) => s.line),
    ).toEqual([792, 3896]);
    // 股份有限公司 (line 817) is richer than 有限公司 (line 896).
    expect(get('300361.SZ').fullName).toBe('江苏奥赛康药业股份有限公司');
    // Of 688096's two rows, the other is misaligned (大连港, listed 2010 on a STAR code).
    expect(get('688096.SH')).toMatchObject({ fullName: '江苏京源环保股份有限公司', listedOn: '2020-04-09' });
  });

  it('keeps companies that share a short name apart', () => {
    expect(result.report.sharedShortNames).toMatchObject({ count: 2, companies: 4 });
    const aosaikang = result.companies.filter((c) => c.name === '奥赛康').map((c) => c.id);
    expect(aosaikang).toEqual(['cn-002755.SZ', 'cn-300361.SZ']);
    expect(result.companies.filter((c) => c.name === '东方明珠').map((c) => c.id)).toEqual([
      'cn-600637.SH',
      'cn-600832.SH',
    ]);
  });

  it('gives misaligned rows back to their own companies, through unmatched industry rows', () => {
    expect(result.report.misalignedRows).toMatchObject({ count: 23, recovered: 20, dropped: 3 });
    expect(get('601939.SH')).toMatchObject({
      name: '建设银行',
      fullName: '中国建设银行股份有限公司',
      exchange: 'SH',
      listedOn: '2007-09-25',
      industryCode: '480201',
    });
    expect(get('600028.SH')).toMatchObject({ name: '中国石化', fullName: '中国石油化工股份有限公司' });
    expect(get('601857.SH')).toMatchObject({ name: '中国石油', fullName: '中国石油天然气股份有限公司' });
    expect(get('600031.SH')).toMatchObject({
      name: '三一重工',
      fullName: '三一重工股份有限公司',
      listedOn: '2003-07-03',
    });
    // No unique match: dropped, not attached to a wrong company.
    const names = new Set(result.companies.map((c) => c.fullName));
    for (const n of ['大连港股份有限公司', '凯迪生态环境科技股份有限公司', '中国冶金科工股份有限公司'])
      expect(names.has(n)).toBe(false);
  });

  it('keeps the code and short name of codes whose every row is another company’s', () => {
    expect(result.report.codesWithoutTrustedRow.count).toBe(4);
    expect(get('688078.SH')).toMatchObject({
      name: '龙软科技',
      fullName: '龙软科技',
      location: { status: 'unresolved' },
    });
    expect(get('688078.SH').listedOn).toBeUndefined();
    expect(get('688078.SH').source.filter((s) => s.file === 'company.json')).toHaveLength(10);
  });

  it('counts the companies without an industry row', () => {
    expect(result.report.companiesWithoutIndustry.count).toBe(259);
    expect(result.companies.filter((c) => !c.industryCode)).toHaveLength(259);
    expect(get('000003.SZ').industryCode).toBeUndefined();
  });

  it('matches industry rows whose code is written differently from company.json', () => {
    const rows = result.report.industryRows;
    expect(rows.rowsRead).toBe(4430);
    expect(rows.matchedExactly).toBe(3690);
    expect(rows.matchedAfterNormalisation.count).toBe(637); // 636 × "bare vs .SZ/.SH" + "300957.sz"
    expect(rows.matchedByRecovery).toBe(20);
    expect(rows.unmatched.count).toBe(83);
    expect(rows.conflicting.count).toBe(0);
    expect(
      rows.matchedExactly +
        rows.matchedAfterNormalisation.count +
        rows.matchedByRecovery +
        rows.unmatched.count,
    ).toBe(4430);
    expect(get('301025.SZ')).toMatchObject({ name: '读客文化', industryCode: expect.any(String) }); // 301025 vs 301025.SZ
    expect(get('300957.SZ')).toMatchObject({ name: '贝泰妮', industryCode: '770202' }); // 300957.sz
  });

  it('maps industry rows that point to unknown or wrong industries by name', () => {
    const codes = result.report.industryCodes;
    expect(codes.unknownCodeMappedByName.count).toBe(168); // 8 codes: 640401 金属制品 → 640108 …
    expect(codes.codeNameConflictMappedByName.count).toBe(28); // 610102 水泥制造 → 610101 …
    expect(codes.nameDiffersKeptCode.count).toBe(32); // 630306 其他能源设备Ⅲ, 610303 其他建材Ⅲ
    expect(codes.unknown.count).toBe(0);
    expect(get('000039.SZ').industryCode).toBe('640108');
    expect(get('600585.SH').industryCode).toBe('610101'); // 海螺水泥, 水泥制造
    expect(get('002851.SZ').industryCode).toBe('630306');
    const level3 = new Set(result.industries.filter((i) => i.level === 3).map((i) => i.code));
    expect(result.companies.every((c) => !c.industryCode || level3.has(c.industryCode))).toBe(true);
  });

  it('locates companies: resolved, ambiguous and unresolved', () => {
    const loc = result.report.locations;
    expect(loc.resolved).toBe(3097); // matched by an independent Python locator, province by province
    expect(loc.ambiguous.count).toBe(7);
    expect(loc.unresolved.count).toBe(1502);
    expect(get('301079.SZ').location).toMatchObject({ provinceCode: '430000', cityCode: '430500' });
  });

  it('builds the Shenwan hierarchy', () => {
    expect(result.industries).toHaveLength(511);
    const count = (level: number) => result.industries.filter((i) => i.level === level).length;
    expect([count(1), count(2), count(3)]).toEqual([31, 134, 346]);
    const index = new Map(result.industries.map((i) => [i.code, i]));
    for (const i of result.industries) {
      if (i.level === 1) expect(i.parentCode).toBeUndefined();
      else expect(index.get(i.parentCode!)?.level).toBe(i.level - 1);
    }
    expect(Object.values(result.report.industryHierarchy).every((d) => d.count === 0)).toBe(true);
  });

  it('maps upstream links by name and drops weak ones', () => {
    const up = result.report.upstream;
    expect(up).toMatchObject({
      rowsRead: 335,
      pairsRead: 5256,
      kept: 305,
      belowThreshold: 4951,
      selfLoops: 0,
    });
    expect(up.mappedByAlias.count).toBe(2); // 其他建材Ⅲ, 其他能源设备Ⅲ
    expect(up.unmappedNames).toMatchObject({ count: 0, pairs: 0 });
    expect(result.upstream).toHaveLength(305);
    expect(result.upstream.every((l) => l.mentions >= MIN_UPSTREAM_MENTIONS)).toBe(true);
    // 大众出版 ← 磷肥及磷化工 (4), 原材料供应链服务 (4); its pairs at 2 mentions are dropped.
    expect(result.upstream.filter((l) => l.industryCode === '720902')).toEqual([
      { industryCode: '720902', upstreamCode: '220802', mentions: 4 },
      { industryCode: '720902', upstreamCode: '420802', mentions: 4 },
    ]);
  });
});

// ---- One case per rule, on hand-made rows -----------------------------------------------------

describe('normalizeChainkg rules', () => {
  it('suffixes a bare code from its first digit when the exchange column is bad', async () => {
    const r = await run({
      companies: [
        company('600001', '湖北甲股份有限公司', { location: '2010-01-01' }),
        company('000002', '湖北乙股份有限公司', { location: '' }),
        company('430047', '湖北丙股份有限公司', { location: '?' }),
        company('830799', '湖北丁股份有限公司', { location: '?' }),
      ],
    });
    expect(r.companies.map((c) => c.stockCode)).toEqual(['000002.SZ', '430047.BJ', '600001.SH', '830799.BJ']);
    expect(r.report.bareCodes.count).toBe(4);
    expect(r.report.exchangeColumnInvalid.count).toBe(4);
    expect(exchangeOfDigits('900901')).toBe('SH');
    expect(exchangeOfDigits('200002')).toBe('SZ');
    expect(normaliseStockCode('300957.sz')).toEqual({ stockCode: '300957.SZ', exchange: 'SZ' });
    expect(normaliseStockCode('301079', 'SZ')).toEqual({ stockCode: '301079.SZ', exchange: 'SZ' });
    expect(normaliseStockCode('12345')).toBeUndefined();
  });

  it('lets the code suffix win over a contradicting exchange column, and says so', async () => {
    const r = await run({
      companies: [company('600001.SH', '湖北甲股份有限公司', { location: '深圳证券交易所' })],
    });
    expect(r.companies[0]!.exchange).toBe('SH');
    expect(r.report.exchangeConflicts.count).toBe(1);
  });

  it('merges a duplicated code into its richest row, the earlier on a tie', async () => {
    const r = await run({
      companies: [
        company('600001.SH', '湖北旧名有限公司', { time: '-' }),
        company('600001.SH', '湖北新名股份有限公司'),
        company('600002.SH', '湖南甲股份有限公司'),
        company('600002.SH', '湖南乙股份有限公司'),
      ],
    });
    expect(r.companies.map((c) => [c.stockCode, c.fullName, c.source.map((s) => s.line)])).toEqual([
      ['600001.SH', '湖北新名股份有限公司', [1, 2]],
      ['600002.SH', '湖南甲股份有限公司', [3, 4]],
    ]);
    expect(r.report.duplicateCodes).toMatchObject({ count: 2, extraRows: 2 });
  });

  it('keeps companies sharing a short name as two companies', async () => {
    const r = await run({
      companies: [
        company('600001.SH', '湖北甲股份有限公司', { name: '同名' }),
        company('000001.SZ', '湖南乙股份有限公司', { name: '同名', location: '深圳证券交易所' }),
      ],
    });
    expect(r.companies.map((c) => c.id)).toEqual(['cn-000001.SZ', 'cn-600001.SH']);
    expect(r.report.sharedShortNames).toMatchObject({ count: 1, companies: 2 });
  });

  it('pairs misaligned rows only where the pairing is unique', async () => {
    const r = await run({
      companies: [
        // STAR codes cannot have listed before 2019-07-22: these rows are other companies'.
        company('688001', '甲乙银行股份有限公司', { time: '2007-01-01' }),
        company('688002', '丙丁能源股份有限公司', { time: '2008-01-01' }),
        company('688003', '丙丁能源集团股份有限公司', { time: '2009-01-01' }),
      ],
      companyIndustries: [
        industryOf('601999.SH', '480201', '国有大型银行Ⅲ', '甲乙银行'),
        industryOf('601998.SH', '640108', '金属制品', '丙丁能源'), // fits two rows: given to neither
      ],
    });
    expect(byCode(r, '601999.SH')).toMatchObject({
      name: '甲乙银行',
      fullName: '甲乙银行股份有限公司',
      industryCode: '480201',
    });
    expect(r.companies.some((c) => c.stockCode === '601998.SH')).toBe(false);
    expect(r.report.misalignedRows).toMatchObject({ count: 3, recovered: 1, dropped: 2 });
    expect(byCode(r, '688001.SH')).toMatchObject({ fullName: byCode(r, '688001.SH').name });
    expect(r.report.codesWithoutTrustedRow.count).toBe(3);
    expect(r.report.industryRows).toMatchObject({ matchedByRecovery: 1, unmatched: { count: 1 } });
  });

  it('reads industry codes by name first, then by code, and reports what it could not read', async () => {
    const r = await run({
      companies: [
        company('600001.SH', '湖北甲股份有限公司'),
        company('600002.SH', '湖北乙股份有限公司'),
        company('600003.SH', '湖北丙股份有限公司'),
        company('600004.SH', '湖北丁股份有限公司'),
        company('600005.SH', '湖北戊股份有限公司'),
      ],
      companyIndustries: [
        industryOf('600001.SH', '640401', '金属制品'), // unknown code, known name
        industryOf('600002.SH', '640107', '金属制品'), // code of another industry
        industryOf('600003.SH', '640107', '仪器仪表Ⅲ'), // known code, unknown name
        industryOf('600004.SH', '999999', '不存在'), // neither
        industryOf('600005', '640107', '仪器仪表'), // code form differs from company.json
        industryOf('600005.SH', '640108', '金属制品'), // a second industry for the same company
      ],
    });
    expect(r.companies.map((c) => c.industryCode)).toEqual([
      '640108',
      '640108',
      '640107',
      undefined,
      '640107',
    ]);
    const codes = r.report.industryCodes;
    expect([codes.unknownCodeMappedByName.count, codes.codeNameConflictMappedByName.count]).toEqual([1, 1]);
    expect([codes.nameDiffersKeptCode.count, codes.unknown.count]).toEqual([1, 1]);
    expect(r.report.industryRows.matchedAfterNormalisation.count).toBe(1);
    expect(r.report.industryRows.conflicting.count).toBe(1);
    expect(r.report.companiesWithoutIndustry).toMatchObject({ count: 1, examples: ['600004.SH 湖北丁股'] });
  });

  it('reports a bad line and imports the rest', async () => {
    const r = await run({
      companies: [
        '{"name": "坏行"',
        company('600001.SH', '湖北甲股份有限公司'),
        { name: '缺字段', code: '600002' },
      ],
    });
    expect(r.companies).toHaveLength(1);
    expect(r.report.badLines.map((i) => [i.file, i.line])).toEqual([
      ['company.json', 1],
      ['company.json', 3],
    ]);
    expect(r.report.files['company.json']).toEqual({ linesRead: 3, rowsAccepted: 1, rowsRejected: 2 });
  });

  it('maps upstream names to codes, keeping pairs with enough mentions', async () => {
    const r = await run({
      companyIndustries: [industryOf('600001.SH', '640107', '仪器仪表Ⅲ')], // teaches the alias 仪器仪表Ⅲ → 640107
      industryUps: [
        { industry: '金属制品', ups: { 仪器仪表Ⅲ: 3, 国有大型银行Ⅲ: 2, 金属制品: 9, 不存在: 5 } },
        { industry: '也不存在', ups: { 金属制品: 4 } },
      ],
    });
    expect(r.upstream).toEqual([{ industryCode: '640108', upstreamCode: '640107', mentions: 3 }]);
    expect(r.report.upstream).toMatchObject({ pairsRead: 5, kept: 1, belowThreshold: 1, selfLoops: 1 });
    expect(r.report.upstream.mappedByAlias.count).toBe(1);
    expect(r.report.upstream.unmappedNames).toMatchObject({ count: 2, pairs: 2 });
  });
});
