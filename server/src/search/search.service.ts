import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import type { Context } from '../core/context.js';
import { fromZod } from '../core/errors.js';
import { normalizeStockCode } from '../enterprise/stock-code.js';
import { isSingleHan, luceneQuery, searchTerms } from './lucene.js';
import { isPinyinQuery, pinyinInitials } from './pinyin.js';
import { rankHits, type Candidate, type Hit, type SearchKind } from './rank.js';
import {
  searchCatalog,
  searchEnterprisePinyin,
  searchOneChar,
  searchText,
  type SearchNodeRecord,
} from './search.store.js';

const ArgsModel = z.object({
  text: z.string().trim().min(1, 'type at least one character').max(50),
  first: z.number().int().min(1).max(50),
});

/** How many full-text hits (all labels) are ranked before the per-kind cut. */
const FULLTEXT_LIMIT = 200;

/** Chains, links and regions with their pinyin initials, computed once per catalog load. */
interface CatalogEntry {
  candidate: Candidate<SearchNodeRecord>;
  initials: string[];
}

/** Reference data changes rarely (imports); a few minutes of staleness is fine for pinyin. */
const CATALOG_TTL_MS = 5 * 60_000;
const catalogs = new WeakMap<Driver, { at: number; entries: Promise<CatalogEntry[]> }>();

function catalog(ctx: Context): Promise<CatalogEntry[]> {
  const cached = catalogs.get(ctx.executor.driver);
  if (cached && Date.now() - cached.at < CATALOG_TTL_MS) return cached.entries;
  const entries = searchCatalog(ctx.executor).then((candidates) =>
    candidates.map((candidate) => ({
      candidate,
      initials: [...new Set(candidate.names.flatMap((n) => (n ? pinyinInitials(n) : [])))],
    })),
  );
  entries.catch(() => catalogs.delete(ctx.executor.driver));
  catalogs.set(ctx.executor.driver, { at: Date.now(), entries });
  return entries;
}

/** Chains, links and regions whose pinyin initials start with what was typed. */
async function pinyinCandidates(ctx: Context, initials: string): Promise<Candidate<SearchNodeRecord>[]> {
  const out: Candidate<SearchNodeRecord>[] = [];
  for (const { candidate, initials: spelled } of await catalog(ctx)) {
    if (spelled.some((s) => s.startsWith(initials))) {
      out.push({ ...candidate, match: 'PINYIN', exact: spelled.includes(initials) });
    }
  }
  return out;
}

/**
 * Search enterprises, chains, links and regions by name. Two characters or more go to the
 * Chinese full-text index; one character falls back to prefix and substring matches; Latin
 * letters are also tried as pinyin initials; a stock code finds its company. At most `first`
 * hits of each kind, ranked (see rank.ts).
 */
export async function search(
  ctx: Context,
  args: { text: string; first: number; kinds?: SearchKind[] | null },
): Promise<Hit<SearchNodeRecord>[]> {
  const parsed = ArgsModel.safeParse(args);
  if (!parsed.success) throw fromZod(parsed.error, '');
  const { text, first } = parsed.data;
  const terms = searchTerms(text);
  const limit = Math.max(first * 4, 40);
  const lucene = luceneQuery(text);
  const initials = isPinyinQuery(text) ? text.toLowerCase() : null;

  const lists = await Promise.all([
    terms.length === 1 && isSingleHan(terms[0]!)
      ? searchOneChar(ctx.executor, { char: terms[0]!, limit })
      : lucene
        ? searchText(ctx.executor, {
            lucene,
            terms,
            stockCode: normalizeStockCode(text),
            fulltextLimit: FULLTEXT_LIMIT,
          })
        : [],
    initials ? searchEnterprisePinyin(ctx.executor, { initials, limit }) : [],
    initials ? pinyinCandidates(ctx, initials) : [],
  ]);
  const kinds = args.kinds?.length ? new Set(args.kinds) : null;
  const candidates = lists.flat().filter((c) => !kinds || kinds.has(c.kind));
  return rankHits(text, candidates, first);
}
