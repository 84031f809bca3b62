import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { z } from 'zod';

/** The chainkg files as copied into the repository. */
export const CHAINKG_DIR = new URL('../../data/chainkg/', import.meta.url);

/** Credit for every import that derives from these files. */
export const CHAINKG_SOURCE =
  'liuhuanyong/ChainKnowledgeGraph (commit 4ea9154, October 2021): Shenwan 2021 industries and SSE/SZSE company lists';

/** A line that could not be read as a row; reported and skipped. */
export interface LineIssue {
  file: string;
  /** 1-based. */
  line: number;
  reason: string;
}

export interface SourceRow<T> {
  line: number;
  value: T;
}

export interface ParsedFile<T> {
  file: string;
  /** Non-blank lines read. */
  linesRead: number;
  rows: SourceRow<T>[];
  issues: LineIssue[];
}

// Stock codes: 600373, 600373.SH; the suffix is case-insensitive (one row says 300957.sz).
const stockCode = z
  .string()
  .regex(/^\d{6}(\.(SH|SZ|BJ))?$/i, 'expected a 6-digit stock code, optionally .SH/.SZ/.BJ');
const industryCode = z.string().regex(/^\d{6}$/, 'expected a 6-digit Shenwan code');
const text = z.string().trim().min(1);

/** `company.json`. `location` is the exchange and `time` the listing date, both as found (often wrong). */
export const CompanyRow = z.object({
  name: text,
  fullname: text,
  code: stockCode,
  location: z.string(),
  time: z.string(),
});
export type CompanyRow = z.infer<typeof CompanyRow>;

/** `industry.json`: one Shenwan 2021 industry. */
export const IndustryRow = z.object({ code: industryCode, name: text });
export type IndustryRow = z.infer<typeof IndustryRow>;

/** `industry_industry.json`: child → parent industry. */
export const IndustryLinkRow = z.object({
  from_code: industryCode,
  from_industry: text,
  rel: z.string(),
  to_code: industryCode,
  to_industry: text,
});
export type IndustryLinkRow = z.infer<typeof IndustryLinkRow>;

/** `company_industry.json`: a company's level-3 industry. */
export const CompanyIndustryRow = z.object({
  company_code: stockCode,
  industry_code: industryCode,
  industry_name: text,
  company_name: text,
  rel: z.string(),
});
export type CompanyIndustryRow = z.infer<typeof CompanyIndustryRow>;

/** `industry_up.json`: upstream industries of an industry, by name, with a mention count. */
export const IndustryUpRow = z.object({
  industry: text,
  ups: z.record(z.string(), z.number().int().nonnegative()),
});
export type IndustryUpRow = z.infer<typeof IndustryUpRow>;

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'row'}: ${i.message}`).join('; ');
}

/**
 * Parses JSON Lines text row by row: each line is JSON-decoded and validated; a bad line becomes
 * an issue (`{ file, line, reason }`) and is skipped. Blank lines are not rows and are ignored.
 */
export async function parseJsonLines<T>(
  lines: AsyncIterable<string> | Iterable<string>,
  schema: z.ZodType<T>,
  file: string,
): Promise<ParsedFile<T>> {
  const parsed: ParsedFile<T> = { file, linesRead: 0, rows: [], issues: [] };
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const source = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (source === '') continue;
    parsed.linesRead += 1;
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (e) {
      parsed.issues.push({ file, line, reason: `not JSON: ${(e as Error).message}` });
      continue;
    }
    const result = schema.safeParse(json);
    if (result.success) parsed.rows.push({ line, value: result.data });
    else parsed.issues.push({ file, line, reason: describe(result.error) });
  }
  return parsed;
}

/** Streams one JSON Lines file through {@link parseJsonLines}. */
export async function parseJsonLinesFile<T>(
  path: string,
  schema: z.ZodType<T>,
  file: string,
): Promise<ParsedFile<T>> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    return await parseJsonLines(lines, schema, file);
  } finally {
    lines.close();
    input.destroy();
  }
}

/** The five chainkg files, each parsed and validated. */
export interface ChainkgFiles {
  companies: ParsedFile<CompanyRow>;
  industries: ParsedFile<IndustryRow>;
  industryLinks: ParsedFile<IndustryLinkRow>;
  companyIndustries: ParsedFile<CompanyIndustryRow>;
  industryUps: ParsedFile<IndustryUpRow>;
}

export const CHAINKG_FILES = {
  companies: 'company.json',
  industries: 'industry.json',
  industryLinks: 'industry_industry.json',
  companyIndustries: 'company_industry.json',
  industryUps: 'industry_up.json',
} as const;

/** Reads the five files from `dir` (a path or a `file:` URL; default: seed/data/chainkg). */
export async function readChainkg(dir: string | URL = CHAINKG_DIR): Promise<ChainkgFiles> {
  const root = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const path = (file: string): string => join(root, file);
  const [companies, industries, industryLinks, companyIndustries, industryUps] = await Promise.all([
    parseJsonLinesFile(path(CHAINKG_FILES.companies), CompanyRow, CHAINKG_FILES.companies),
    parseJsonLinesFile(path(CHAINKG_FILES.industries), IndustryRow, CHAINKG_FILES.industries),
    parseJsonLinesFile(path(CHAINKG_FILES.industryLinks), IndustryLinkRow, CHAINKG_FILES.industryLinks),
    parseJsonLinesFile(
      path(CHAINKG_FILES.companyIndustries),
      CompanyIndustryRow,
      CHAINKG_FILES.companyIndustries,
    ),
    parseJsonLinesFile(path(CHAINKG_FILES.industryUps), IndustryUpRow, CHAINKG_FILES.industryUps),
  ]);
  return { companies, industries, industryLinks, companyIndustries, industryUps };
}
