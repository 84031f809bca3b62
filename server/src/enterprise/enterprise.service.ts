import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { Context } from '../core/context.js';
import { toPage, type Page } from '../core/page.js';
import { selectsField, selectsPath } from '../core/selection.js';
import { badInput, fromZod } from '../core/errors.js';
import { decodeCursor, keyOf, pageSize, type CursorValue } from '../core/relay.js';
import { luceneQuery } from '../search/lucene.js';
import type { EnterpriseRecord } from './enterprise.model.js';
import {
  enterpriseByStockCode,
  type EnterprisePageQuery,
  type EnterpriseQuery,
  type OrderDirection,
  type OrderField,
  type RegionCodeField,
} from './enterprise.store.js';
import { normalizeStockCode } from './stock-code.js';

const key = z.string().trim().min(1).max(100);

/** The enterprise filter as the API accepts it (arguments are checked here, not by the store). */
const FilterModel = z
  .object({
    regionCode: key.nullish(),
    chainId: key.nullish(),
    linkId: key.nullish(),
    tags: z.array(z.string().trim().min(1).max(40)).max(10).nullish(),
    revenueMin: z.number().nonnegative().nullish(),
    revenueMax: z.number().nonnegative().nullish(),
    text: z.string().max(100).nullish(),
  })
  .refine((f) => f.revenueMin == null || f.revenueMax == null || f.revenueMin <= f.revenueMax, {
    path: ['revenueMax'],
    message: 'must not be below revenueMin',
  });

export type EnterpriseFilterArgs = z.input<typeof FilterModel>;

/**
 * Validate a filter and normalise it for the store: global ids become domain keys, text becomes
 * a Lucene query. `scope` (a region or link the connection hangs off) adds to the filter.
 */
export function enterpriseQuery(
  filter: EnterpriseFilterArgs | null | undefined,
  scope: { regionCode?: string | null; linkId?: string | null } = {},
  field = 'filter',
): EnterpriseQuery {
  const parsed = FilterModel.safeParse({ ...filter });
  if (!parsed.success) throw fromZod(parsed.error, field);
  const f = parsed.data;
  const text = f.text?.trim() ? f.text : null;
  const lucene = text ? luceneQuery(text) : null;
  if (text && !lucene)
    throw badInput(`text "${text.slice(0, 40)}" has nothing to search for`, `${field}.text`);
  const regionCode = scope.regionCode ?? f.regionCode;
  const linkId = scope.linkId ?? f.linkId;
  return {
    regionCode: regionCode ? keyOf('Region', regionCode) : null,
    linkId: linkId ? keyOf('Link', linkId) : null,
    chainId: f.chainId ? keyOf('Chain', f.chainId) : null,
    tags: f.tags?.length ? [...new Set(f.tags)].sort() : null,
    revenueMin: f.revenueMin ?? null,
    revenueMax: f.revenueMax ?? null,
    lucene,
  };
}

export interface EnterprisePageArgs {
  first?: number | null;
  after?: string | null;
  orderBy?: { field?: OrderField | null; direction?: OrderDirection | null } | null;
}

/** The keyset position of an enterprise in a given order. */
export function cursorOf(field: OrderField, e: EnterpriseRecord): CursorValue {
  return { v: field === 'NAME' ? e.name : field === 'REVENUE' ? e.revenue : e.key, id: e.key };
}

/** Decode `after` and check it belongs to this order (a name cursor cannot page revenues). */
function afterFor(field: OrderField, after: string | null | undefined): CursorValue | null {
  if (after == null) return null;
  const c = decodeCursor(after, 'after');
  const fits = field === 'REVENUE' ? c.v === null || typeof c.v === 'number' : typeof c.v === 'string';
  if (!fits) throw badInput('after is a cursor from another ordering; start again without it', 'after');
  return c;
}

/**
 * What of a connection the client selected: its rows (`edges`, `pageInfo`), its `totalCount`,
 * and which regions of the rows (`edges.node.region`, `.province`…) it will ask for.
 */
export interface ConnectionWants {
  rows: boolean;
  count: boolean;
  regions?: RegionCodeField[];
}

/** The enterprise fields that resolve a region, and the code each reads. */
const REGION_FIELDS = {
  region: 'regionCode',
  province: 'provinceCode',
  city: 'cityCode',
  county: 'countyCode',
} as const;

/** What the client selected of the connection being resolved. */
export function connectionWants(info: GraphQLResolveInfo): ConnectionWants {
  return {
    rows: selectsField(info, 'edges') || selectsField(info, 'pageInfo'),
    count: selectsField(info, 'totalCount'),
    regions: Object.entries(REGION_FIELDS)
      .filter(([field]) => selectsPath(info, ['edges', 'node', field]))
      .map(([, code]) => code),
  };
}

/**
 * One page of enterprises matching `query`: one query for the page, only when the client
 * selected `edges` or `pageInfo` (with the rows' regions, when selected), and one for the total only when it selected `totalCount` (a
 * count per link of a chain costs the counts alone). Both go through per-request DataLoaders, so
 * sibling connections (every region of a list…) share one round trip.
 */
export async function enterpriseConnection(
  ctx: Context,
  query: EnterpriseQuery,
  args: EnterprisePageArgs,
  wants: ConnectionWants,
): Promise<Page<EnterpriseRecord>> {
  const first = pageSize(args.first);
  const order = { field: args.orderBy?.field ?? 'NAME', direction: args.orderBy?.direction ?? 'ASC' };
  const after = afterFor(order.field, args.after);
  const regions = wants.regions?.length ? { regions: wants.regions } : {};
  const pageKey: EnterprisePageQuery = { ...query, order, after, limit: first + 1, ...regions };
  const [page, total] = await Promise.all([
    wants.rows ? ctx.loaders.enterprisePage.load(pageKey) : { rows: [], regions: [] },
    wants.count ? ctx.loaders.enterpriseCount.load(query) : null,
  ]);
  // The regions came with the page: the rows' `region`, `province`… need no query of their own.
  ctx.loaders.primeRegions(page.regions);
  return toPage(page.rows, first, after != null, (e) => cursorOf(order.field, e), total);
}

/** An enterprise by id (global or domain). */
export function enterpriseById(ctx: Context, id: string): Promise<EnterpriseRecord | null> {
  return ctx.loaders.enterprise.load(keyOf('Enterprise', id));
}

/** A listed company by any usual spelling of its stock code (`600373`, `sh600373`, `600373.SH`). */
export async function enterpriseByCode(ctx: Context, code: string): Promise<EnterpriseRecord | null> {
  const stockCode = normalizeStockCode(code);
  if (!stockCode) {
    throw badInput(`"${code.slice(0, 20)}" is not a stock code (e.g. 600373, 600373.SH, sh600373)`, 'code');
  }
  return enterpriseByStockCode(ctx.executor, stockCode);
}

/** The enterprise's most precise region, or one of its ancestors, by the denormalised codes. */
export function enterpriseRegion(
  ctx: Context,
  e: EnterpriseRecord,
  which: 'regionCode' | 'provinceCode' | 'cityCode' | 'countyCode',
) {
  const code = e[which];
  return code ? ctx.loaders.regionByCode(code) : null;
}
