import { createLocator } from '../regions/locate.js';
import type { LocateResult } from '../regions/locate.js';
import { buildRegions } from '../regions/regions.js';
import type { RegionSet } from '../regions/regions.js';
import { CHAINKG_SOURCE, readChainkg } from './parse.js';
import type { ChainkgFiles, CompanyIndustryRow, CompanyRow, LineIssue, SourceRow } from './parse.js';

export type Exchange = 'SH' | 'SZ' | 'BJ';

/** A listed company, one per stock code. */
export interface Company {
  /** `cn-<stockCode>`, e.g. `cn-600373.SH`. */
  id: string;
  /** Short name (证券简称): 中文传媒. Not unique: two pairs of companies share one. */
  name: string;
  /**
   * Full registered name. For the 4 codes whose every row carries another company's name (see
   * `misalignedRows`), none is known and this repeats the short name.
   */
  fullName: string;
  /** `600373.SH`, `300054.SZ`, `430047.BJ`. */
  stockCode: string;
  exchange: Exchange;
  /** Listing date, ISO `YYYY-MM-DD`, when the row gives a valid one. */
  listedOn?: string;
  /** Shenwan 2021 level-3 industry. */
  industryCode?: string;
  location: LocateResult;
  /** Every row this company was built from (merged duplicates included). */
  source: { file: string; line: number }[];
}

export interface Industry {
  code: string;
  name: string;
  /** 1: code ends in 0000; 2: ends in 00; 3: otherwise. */
  level: 1 | 2 | 3;
  parentCode?: string;
}

/** "`upstreamCode` supplies `industryCode`", with how many product-level mentions back it. */
export interface UpstreamLink {
  industryCode: string;
  upstreamCode: string;
  mentions: number;
}

/** One kind of defect: how often it occurred, with a few examples to show what it looks like. */
export interface Defect {
  count: number;
  examples: string[];
}

/**
 * Everything the importer found wrong with chainkg and what it did about it. A plain,
 * JSON-serialisable object: printed by the seed and stored with each import.
 */
export interface DefectReport {
  source: string;
  files: Record<string, { linesRead: number; rowsAccepted: number; rowsRejected: number }>;
  /** Lines that were not JSON or failed validation; skipped. */
  badLines: LineIssue[];
  companies: {
    rowsRead: number;
    /** Companies produced: distinct codes of company.json plus those recovered from misaligned rows. */
    distinct: number;
    withIndustry: number;
    withResolvedProvince: number;
  };
  /** Codes without an exchange suffix (`301079`), suffixed from the exchange column or the first digit. */
  bareCodes: Defect;
  /** Exchange column that names no exchange (a date in one row); the exchange comes from the code. */
  exchangeColumnInvalid: Defect;
  /** Code suffix and exchange column disagree; the suffix wins. */
  exchangeConflicts: Defect;
  /** Listing-date column that is not a date (an exchange name, `-`); `listedOn` is left out. */
  listingDateInvalid: Defect;
  /** Codes on more than one row; the richest row is kept and the others merged into it. */
  duplicateCodes: Defect & { extraRows: number };
  /**
   * Rows whose full name and listing date belong to another, older company (the listing date
   * precedes the opening of the code's board, e.g. a 688xxx STAR code listed in 2007). Each
   * is matched to that company through an industry row naming a code missing from company.json
   * (中国建设银行股份有限公司 → 601939.SH 建设银行) or, failing a unique match, dropped.
   */
  misalignedRows: Defect & { recovered: number; dropped: number };
  /** Codes whose every row is misaligned: the company keeps its code and short name only. */
  codesWithoutTrustedRow: Defect;
  /** Short names used by more than one company; all are kept, with distinct ids. */
  sharedShortNames: Defect & { companies: number };
  companiesWithoutIndustry: Defect;
  industryRows: {
    rowsRead: number;
    /** The code is written as in company.json. */
    matchedExactly: number;
    /** Matched after normalising the code (`301079` vs `301079.SZ`, `.sz`). */
    matchedAfterNormalisation: Defect;
    /** Matched to a company recovered from a misaligned row. */
    matchedByRecovery: number;
    /** Name a code that company.json does not have. */
    unmatched: Defect;
    /** A second industry row for the same company; the first is kept. */
    conflicting: Defect;
  };
  industryCodes: {
    /** Unknown code, known name (640401 金属制品 → 640108): the name's code is used. */
    unknownCodeMappedByName: Defect;
    /** Code of another industry, known name (610102 水泥制造 → 610101): the name's code is used. */
    codeNameConflictMappedByName: Defect;
    /** Known code, unknown name (630306 其他能源设备Ⅲ): the code is kept. */
    nameDiffersKeptCode: Defect;
    /** Neither code nor name known: the row gives no industry. */
    unknown: Defect;
  };
  industryHierarchy: {
    duplicateCodes: Defect;
    /** Links naming an industry missing from industry.json. */
    unknownLinks: Defect;
    /** Links whose parent is not the one the code structure implies; the link wins. */
    parentMismatches: Defect;
    /** Level 2/3 industries without a link; the parent comes from the code structure. */
    parentsFromCode: Defect;
  };
  locations: { resolved: number; ambiguous: Defect; unresolved: Defect };
  upstream: {
    rowsRead: number;
    pairsRead: number;
    /** Pairs with at least this many mentions are kept; fewer is text-mining noise. */
    minMentions: number;
    kept: number;
    belowThreshold: number;
    selfLoops: number;
    /** Names not in industry.json but used for a known code in company_industry.json. */
    mappedByAlias: Defect;
    /** Distinct names that map to no industry; `pairs` counts the pairs they cost. */
    unmappedNames: Defect & { pairs: number };
  };
}

export interface ChainkgImport {
  companies: Company[];
  industries: Industry[];
  upstream: UpstreamLink[];
  report: DefectReport;
}

/** Upstream pairs with fewer mentions are dropped: 1–2 mentions are 80% of all pairs and mostly noise. */
export const MIN_UPSTREAM_MENTIONS = 3;

const MAX_EXAMPLES = 5;

const EXCHANGE_BY_NAME: Readonly<Record<string, Exchange>> = {
  上海证券交易所: 'SH',
  深圳证券交易所: 'SZ',
  北京证券交易所: 'BJ',
};

/** Exchange implied by a code's first digit: 6/9 Shanghai, 0/2/3 Shenzhen, 4/8 Beijing. */
export function exchangeOfDigits(code: string): Exchange | undefined {
  const first = code[0];
  if (first === '6' || first === '9') return 'SH';
  if (first === '0' || first === '2' || first === '3') return 'SZ';
  if (first === '4' || first === '8') return 'BJ';
  return undefined;
}

/** `600373.sh` → `600373.SH`; a bare code takes `exchange` or, failing that, its first digit's. */
export function normaliseStockCode(
  code: string,
  exchange?: Exchange,
): { stockCode: string; exchange: Exchange } | undefined {
  const m = /^(\d{6})(?:\.(SH|SZ|BJ))?$/i.exec(code.trim());
  if (!m) return undefined;
  const ex = (m[2]?.toUpperCase() as Exchange | undefined) ?? exchange ?? exchangeOfDigits(m[1]!);
  return ex ? { stockCode: `${m[1]}.${ex}`, exchange: ex } : undefined;
}

/** First listing day of each board: a code listed before its board opened is not that code's row. */
const BOARD_OPENINGS: readonly (readonly [prefix: string, opened: string])[] = [
  ['688', '2019-07-22'], // STAR Market
  ['689', '2019-07-22'],
  ['300', '2009-10-30'], // ChiNext
  ['301', '2009-10-30'],
  ['002', '2004-06-25'], // SME board
];

function isoDate(s: string): string | undefined {
  const t = s.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return undefined;
  const d = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(t) ? t : undefined;
}

const defect = (): Defect => ({ count: 0, examples: [] });
function note(d: Defect, example: string): void {
  d.count += 1;
  if (d.examples.length < MAX_EXAMPLES) d.examples.push(example);
}

/** 股份 short-name prefixes and suffixes that say nothing about the company: *ST, -U, (退市). */
const cleanShortName = (name: string): string =>
  name
    .replace(/^\*?ST|^退市/, '')
    .replace(/\(退市\)$|-[A-Z]+$/, '')
    .trim();

/** Whether the characters of `needle` occur in `hay` in order (中国石化 in 中国石油化工). */
function isSubsequence(needle: string, hay: string): boolean {
  const chars = [...needle];
  let i = 0;
  for (const ch of hay) if (i < chars.length && ch === chars[i]) i += 1;
  return chars.length > 0 && i === chars.length;
}

interface CompanyCandidate {
  line: number;
  row: CompanyRow;
  stockCode: string;
  exchange: Exchange;
  listedOn?: string;
  misaligned: boolean;
}

/** A row's richness: how much trustworthy data it carries. Ties go to the earlier line. */
function richness(c: CompanyCandidate): number {
  const shared = [...cleanShortName(c.row.name)].some((ch) => c.row.fullname.includes(ch));
  return (
    (c.listedOn ? 1 : 0) +
    (EXCHANGE_BY_NAME[c.row.location.trim()] ? 1 : 0) +
    (/股份(有限)?公司/.test(c.row.fullname) ? 1 : 0) +
    (shared ? 1 : 0)
  );
}

/**
 * Turns the parsed chainkg files into companies, industries and upstream links, repairing or
 * reporting every known defect (see {@link DefectReport}). Pure: `locate` reads locations.
 */
export function normalizeChainkg(
  files: ChainkgFiles,
  locate: (fullName: string) => LocateResult,
): ChainkgImport {
  const COMPANY = files.companies.file;
  const COMPANY_INDUSTRY = files.companyIndustries.file;

  const report: DefectReport = {
    source: CHAINKG_SOURCE,
    files: {},
    badLines: [],
    companies: { rowsRead: files.companies.linesRead, distinct: 0, withIndustry: 0, withResolvedProvince: 0 },
    bareCodes: defect(),
    exchangeColumnInvalid: defect(),
    exchangeConflicts: defect(),
    listingDateInvalid: defect(),
    duplicateCodes: { ...defect(), extraRows: 0 },
    misalignedRows: { ...defect(), recovered: 0, dropped: 0 },
    codesWithoutTrustedRow: defect(),
    sharedShortNames: { ...defect(), companies: 0 },
    companiesWithoutIndustry: defect(),
    industryRows: {
      rowsRead: files.companyIndustries.linesRead,
      matchedExactly: 0,
      matchedAfterNormalisation: defect(),
      matchedByRecovery: 0,
      unmatched: defect(),
      conflicting: defect(),
    },
    industryCodes: {
      unknownCodeMappedByName: defect(),
      codeNameConflictMappedByName: defect(),
      nameDiffersKeptCode: defect(),
      unknown: defect(),
    },
    industryHierarchy: {
      duplicateCodes: defect(),
      unknownLinks: defect(),
      parentMismatches: defect(),
      parentsFromCode: defect(),
    },
    locations: { resolved: 0, ambiguous: defect(), unresolved: defect() },
    upstream: {
      rowsRead: files.industryUps.linesRead,
      pairsRead: 0,
      minMentions: MIN_UPSTREAM_MENTIONS,
      kept: 0,
      belowThreshold: 0,
      selfLoops: 0,
      mappedByAlias: defect(),
      unmappedNames: { ...defect(), pairs: 0 },
    },
  };
  for (const f of [
    files.companies,
    files.industries,
    files.industryLinks,
    files.companyIndustries,
    files.industryUps,
  ]) {
    report.files[f.file] = {
      linesRead: f.linesRead,
      rowsAccepted: f.rows.length,
      rowsRejected: f.issues.length,
    };
    report.badLines.push(...f.issues);
  }

  // ----- Industries ------------------------------------------------------------------------------
  const industries = buildIndustries(files, report);
  const byCode = new Map(industries.map((i) => [i.code, i]));
  const byName = new Map(industries.map((i) => [i.name, i]));
  const industryOfRow = new Map<number, string | undefined>();
  for (const { line, value: r } of files.companyIndustries.rows) {
    industryOfRow.set(line, resolveIndustry(r, line, byCode, byName, report, COMPANY_INDUSTRY));
  }

  // ----- Company rows: codes, exchanges, dates ---------------------------------------------------
  const candidates = files.companies.rows.map((r) => companyCandidate(r, report, COMPANY));
  const groups = new Map<string, CompanyCandidate[]>();
  for (const c of candidates) {
    const g = groups.get(c.stockCode);
    if (g) g.push(c);
    else groups.set(c.stockCode, [c]);
  }

  const companies = new Map<string, Company>();
  /** Raw code as written in company.json, to tell an exact industry-row match from a normalised one. */
  const rawCode = new Map<string, string>();
  for (const [stockCode, group] of groups) {
    if (group.length > 1) {
      report.duplicateCodes.extraRows += group.length - 1;
      note(
        report.duplicateCodes,
        `${stockCode}: ${group
          .slice(0, 3)
          .map((c) => `${c.row.fullname} (${COMPANY}:${c.line})`)
          .join(' | ')}${group.length > 3 ? ` | +${group.length - 3} more` : ''}`,
      );
    }
    const trusted = group.filter((c) => !c.misaligned);
    const best = trusted.reduce<CompanyCandidate | undefined>(
      (acc, c) => (!acc || richness(c) > richness(acc) ? c : acc),
      undefined,
    );
    const first = group[0]!;
    if (!best) {
      note(
        report.codesWithoutTrustedRow,
        `${stockCode} ${first.row.name}: ${group.length} row(s), none its own`,
      );
    }
    rawCode.set(stockCode, (best ?? first).row.code);
    companies.set(stockCode, {
      id: `cn-${stockCode}`,
      name: (best ?? first).row.name,
      fullName: best ? best.row.fullname : first.row.name,
      stockCode,
      exchange: first.exchange,
      ...(best?.listedOn ? { listedOn: best.listedOn } : {}),
      location: { status: 'unresolved' },
      source: (trusted.length > 0 ? trusted : group).map((c) => ({ file: COMPANY, line: c.line })),
    });
  }

  // ----- Misaligned rows: find their own companies through unmatched industry rows ---------------
  const unmatchedIndustryRows = files.companyIndustries.rows.filter((r) => {
    const code = normaliseStockCode(r.value.company_code);
    return code && !companies.has(code.stockCode);
  });
  const misaligned = candidates.filter((c) => c.misaligned);
  const recovery = matchMisaligned(misaligned, unmatchedIndustryRows);
  const recoveredLines = new Set<number>();
  const recovered: string[] = [];
  for (const c of misaligned) {
    const match = recovery.get(c.line);
    const what = `${COMPANY}:${c.line} ${c.stockCode} ${c.row.name} carries ${c.row.fullname} (${c.listedOn})`;
    const code = match && normaliseStockCode(match.value.company_code);
    if (!match || !code || companies.has(code.stockCode)) {
      // Dropped rows come first among the examples: they are the ones to look at.
      report.misalignedRows.dropped += 1;
      note(report.misalignedRows, `${what}: no unique match, dropped`);
      continue;
    }
    report.misalignedRows.recovered += 1;
    recovered.push(`${what} → ${code.stockCode} ${match.value.company_name}`);
    recoveredLines.add(match.line);
    rawCode.set(code.stockCode, match.value.company_code);
    companies.set(code.stockCode, {
      id: `cn-${code.stockCode}`,
      name: match.value.company_name,
      fullName: c.row.fullname,
      stockCode: code.stockCode,
      exchange: code.exchange,
      ...(c.listedOn ? { listedOn: c.listedOn } : {}),
      location: { status: 'unresolved' },
      source: [{ file: COMPANY, line: c.line }],
    });
  }
  for (const example of recovered) note(report.misalignedRows, example);

  // ----- Industry rows → companies --------------------------------------------------------------
  for (const { line, value: r } of files.companyIndustries.rows) {
    const code = normaliseStockCode(r.company_code);
    const company = code && companies.get(code.stockCode);
    if (!code || !company) {
      note(report.industryRows.unmatched, `${COMPANY_INDUSTRY}:${line} ${r.company_code} ${r.company_name}`);
      continue;
    }
    if (recoveredLines.has(line)) report.industryRows.matchedByRecovery += 1;
    else if (r.company_code === rawCode.get(code.stockCode)) report.industryRows.matchedExactly += 1;
    else {
      note(
        report.industryRows.matchedAfterNormalisation,
        `${COMPANY_INDUSTRY}:${line} ${r.company_code} = company.json ${rawCode.get(code.stockCode)} (${company.name})`,
      );
    }
    company.source.push({ file: COMPANY_INDUSTRY, line });
    const industryCode = industryOfRow.get(line);
    if (!industryCode) continue;
    if (company.industryCode && company.industryCode !== industryCode) {
      note(
        report.industryRows.conflicting,
        `${COMPANY_INDUSTRY}:${line} ${company.stockCode}: ${industryCode} after ${company.industryCode}`,
      );
      continue;
    }
    company.industryCode = industryCode;
  }

  // ----- Locations, names, totals ---------------------------------------------------------------
  const list = [...companies.values()].sort((a, b) => a.stockCode.localeCompare(b.stockCode));
  const byShortName = new Map<string, Company[]>();
  for (const c of list) {
    c.location = locate(c.fullName);
    if (c.location.status === 'resolved') report.locations.resolved += 1;
    else {
      const d = c.location.status === 'ambiguous' ? report.locations.ambiguous : report.locations.unresolved;
      note(d, `${c.stockCode} ${c.fullName}${c.location.matched ? ` (${c.location.matched}?)` : ''}`);
    }
    if (!c.industryCode) note(report.companiesWithoutIndustry, `${c.stockCode} ${c.name}`);
    const same = byShortName.get(c.name);
    if (same) same.push(c);
    else byShortName.set(c.name, [c]);
  }
  for (const [name, same] of byShortName) {
    if (same.length < 2) continue;
    report.sharedShortNames.companies += same.length;
    note(report.sharedShortNames, `${name}: ${same.map((c) => `${c.stockCode} ${c.fullName}`).join(' | ')}`);
  }
  report.companies.distinct = list.length;
  report.companies.withIndustry = list.filter((c) => c.industryCode).length;
  report.companies.withResolvedProvince = list.filter((c) => c.location.provinceCode).length;

  const upstream = buildUpstream(files, byCode, byName, report);
  return { companies: list, industries, upstream, report };
}

function companyCandidate(r: SourceRow<CompanyRow>, report: DefectReport, file: string): CompanyCandidate {
  const { line, value: row } = r;
  const column = EXCHANGE_BY_NAME[row.location.trim()];
  const bare = /^\d{6}$/.test(row.code);
  const digits = exchangeOfDigits(row.code);
  const code = normaliseStockCode(row.code, column ?? digits);
  if (!code) throw new Error(`${file}:${line}: unusable stock code ${row.code}`); // excluded by CompanyRow
  if (!column) {
    note(
      report.exchangeColumnInvalid,
      `${file}:${line} ${row.code} exchange column "${row.location}" → ${code.exchange}`,
    );
  } else if (column !== code.exchange) {
    note(report.exchangeConflicts, `${file}:${line} ${row.code} vs ${row.location}`);
  }
  if (bare) note(report.bareCodes, `${file}:${line} ${row.code} → ${code.stockCode}`);
  const listedOn = isoDate(row.time);
  if (!listedOn) note(report.listingDateInvalid, `${file}:${line} ${code.stockCode} time "${row.time}"`);
  const opened = BOARD_OPENINGS.find(([prefix]) => row.code.startsWith(prefix))?.[1];
  const misaligned = listedOn !== undefined && opened !== undefined && listedOn < opened;
  return {
    line,
    row,
    stockCode: code.stockCode,
    exchange: code.exchange,
    ...(listedOn ? { listedOn } : {}),
    misaligned,
  };
}

/**
 * Pairs each misaligned row with the industry row whose short name its full name spells out
 * (建设银行 in 中国建设银行股份有限公司, 中国石化 in 中国石油化工股份有限公司), among industry rows
 * naming codes absent from company.json. Only unique pairings are made, repeatedly: once
 * 中国石油 is taken by 中国石油天然气, 中国石油化工 is left with 中国石化. When no row has a single
 * option left, a contiguous spelling settles a row's choice (建设银行 rather than 中国银行).
 */
function matchMisaligned(
  rows: CompanyCandidate[],
  industryRows: SourceRow<CompanyIndustryRow>[],
): Map<number, SourceRow<CompanyIndustryRow>> {
  const options = new Map(
    rows.map((c) => {
      const fits = industryRows.filter((r) => {
        const name = cleanShortName(r.value.company_name);
        return name.length >= 2 && isSubsequence(name, c.row.fullname);
      });
      return [c, fits] as const;
    }),
  );
  const matched = new Map<number, SourceRow<CompanyIndustryRow>>();
  const taken = new Set<number>();
  /** One round: each open row's pick, kept only where no other row picks the same industry row. */
  const round = (tiebreak: boolean): boolean => {
    const picks = new Map<number, SourceRow<CompanyIndustryRow>>();
    const claims = new Map<number, number>();
    for (const [c, fits] of options) {
      if (matched.has(c.line)) continue;
      const free = fits.filter((r) => !taken.has(r.line));
      const contiguous = free.filter((r) => c.row.fullname.includes(cleanShortName(r.value.company_name)));
      const pick =
        free.length === 1 ? free[0] : tiebreak && contiguous.length === 1 ? contiguous[0] : undefined;
      if (!pick) continue;
      picks.set(c.line, pick);
      claims.set(pick.line, (claims.get(pick.line) ?? 0) + 1);
    }
    let progress = false;
    for (const [line, r] of picks) {
      if (claims.get(r.line) !== 1) continue;
      matched.set(line, r);
      taken.add(r.line);
      progress = true;
    }
    return progress;
  };
  while (round(false) || round(true));
  return matched;
}

function buildIndustries(files: ChainkgFiles, report: DefectReport): Industry[] {
  const h = report.industryHierarchy;
  const file = files.industries.file;
  const byCode = new Map<string, Industry>();
  for (const { line, value: r } of files.industries.rows) {
    if (byCode.has(r.code)) {
      note(h.duplicateCodes, `${file}:${line} ${r.code} ${r.name} (kept ${byCode.get(r.code)!.name})`);
      continue;
    }
    const level = r.code.endsWith('0000') ? 1 : r.code.endsWith('00') ? 2 : 3;
    byCode.set(r.code, { code: r.code, name: r.name, level });
  }
  const implied = (i: Industry): string | undefined =>
    i.level === 3 ? `${i.code.slice(0, 4)}00` : i.level === 2 ? `${i.code.slice(0, 2)}0000` : undefined;
  for (const { line, value: r } of files.industryLinks.rows) {
    const child = byCode.get(r.from_code);
    if (!child || !byCode.has(r.to_code)) {
      note(h.unknownLinks, `${files.industryLinks.file}:${line} ${r.from_code} → ${r.to_code}`);
      continue;
    }
    if (implied(child) !== r.to_code) {
      note(h.parentMismatches, `${files.industryLinks.file}:${line} ${r.from_code} → ${r.to_code}`);
    }
    child.parentCode ??= r.to_code;
  }
  for (const i of byCode.values()) {
    const parent = implied(i);
    if (i.parentCode || !parent || !byCode.has(parent)) continue;
    i.parentCode = parent;
    note(h.parentsFromCode, `${i.code} ${i.name} → ${parent}`);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** A company_industry row's industry: by level-3 name first (the codes are partly stale), then by code. */
function resolveIndustry(
  r: CompanyIndustryRow,
  line: number,
  byCode: Map<string, Industry>,
  byName: Map<string, Industry>,
  report: DefectReport,
  file: string,
): string | undefined {
  const d = report.industryCodes;
  const named = byName.get(r.industry_name);
  const coded = byCode.get(r.industry_code);
  const where = `${file}:${line} ${r.industry_code} ${r.industry_name}`;
  if (named?.level === 3) {
    if (!coded) note(d.unknownCodeMappedByName, `${where} → ${named.code}`);
    else if (coded.code !== named.code)
      note(d.codeNameConflictMappedByName, `${where} (is ${coded.name}) → ${named.code}`);
    return named.code;
  }
  if (coded?.level === 3) {
    note(d.nameDiffersKeptCode, `${where} (is ${coded.name})`);
    return coded.code;
  }
  note(d.unknown, where);
  return undefined;
}

function buildUpstream(
  files: ChainkgFiles,
  byCode: Map<string, Industry>,
  byName: Map<string, Industry>,
  report: DefectReport,
): UpstreamLink[] {
  const u = report.upstream;
  // Names industry.json lacks but company_industry.json uses for a known code (其他建材Ⅲ → 610303).
  const aliases = new Map<string, string>();
  for (const { value: r } of files.companyIndustries.rows) {
    if (!byName.has(r.industry_name) && byCode.has(r.industry_code))
      aliases.set(r.industry_name, r.industry_code);
  }
  const aliasNoted = new Set<string>();
  const unmapped = new Map<string, number>();
  const codeOf = (name: string): string | undefined => {
    const exact = byName.get(name)?.code;
    if (exact) return exact;
    const alias = aliases.get(name);
    if (alias && !aliasNoted.has(name)) {
      aliasNoted.add(name);
      note(u.mappedByAlias, `${name} → ${alias} ${byCode.get(alias)!.name}`);
    }
    return alias;
  };

  const links = new Map<string, UpstreamLink>();
  for (const { value: r } of files.industryUps.rows) {
    const industryCode = codeOf(r.industry);
    for (const [name, mentions] of Object.entries(r.ups)) {
      u.pairsRead += 1;
      const upstreamCode = codeOf(name);
      if (!industryCode || !upstreamCode) {
        u.unmappedNames.pairs += 1;
        for (const n of [industryCode ? undefined : r.industry, upstreamCode ? undefined : name]) {
          if (n) unmapped.set(n, (unmapped.get(n) ?? 0) + 1);
        }
        continue;
      }
      if (upstreamCode === industryCode) {
        u.selfLoops += 1;
        continue;
      }
      if (mentions < MIN_UPSTREAM_MENTIONS) {
        u.belowThreshold += 1;
        continue;
      }
      const key = `${industryCode}<${upstreamCode}`;
      const seen = links.get(key);
      if (!seen || seen.mentions < mentions) links.set(key, { industryCode, upstreamCode, mentions });
    }
  }
  for (const [name, pairs] of unmapped) note(u.unmappedNames, `${name} (${pairs} pairs)`);
  const list = [...links.values()].sort(
    (a, b) =>
      a.industryCode.localeCompare(b.industryCode) ||
      b.mentions - a.mentions ||
      a.upstreamCode.localeCompare(b.upstreamCode),
  );
  u.kept = list.length;
  return list;
}

/**
 * Reads and normalises chainkg from `dir` (default: seed/data/chainkg), locating companies
 * against `regions` (default: {@link buildRegions}).
 */
export async function importChainkg(
  options: { dir?: string | URL; regions?: RegionSet } = {},
): Promise<ChainkgImport> {
  const files = await readChainkg(options.dir);
  return normalizeChainkg(files, createLocator(options.regions ?? buildRegions()));
}
