import express from 'express';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { checkAccess } from '../auth/guard.js';
import { accessOf, FIELD_ACCESS } from '../auth/policy.js';
import { createContextFactory, type ContextDeps } from '../core/context.js';
import { ErrorCode, fromZod } from '../core/errors.js';
import { bulletin } from '../tracking/tracking.service.js';
import { bulletinFileName, bulletinMarkdown, bulletinTitle, bulletinWorkbook } from './bulletin-export.js';
import { buildMapExport, exportFileName, exportTitle, mapCsv, mapWorkbook } from './map-export.js';
import { SHEETS, type SheetKey } from './map-tables.js';

// GET /export/investment-map.xlsx?chainId=nev&regionCode=421200 (and .csv): the investment map
// as a file, beside /graphql. Optional: strongMinCount, strongMinQuotient, perGap, level
// (PROVINCE|CITY), includeKnown, sourceZones (comma-separated), and for CSV sheet
// (cover|diagnosis|targets|regions|projects).

const optNumber = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : Number(v)),
  z.number().optional(),
);
const QueryModel = z.object({
  chainId: z.string().trim().min(1).max(100),
  regionCode: z.string().trim().min(1).max(100),
  strongMinCount: optNumber,
  strongMinQuotient: optNumber,
  perGap: optNumber,
  level: z.enum(['PROVINCE', 'CITY']).optional(),
  includeKnown: z.enum(['true', 'false', '1', '0']).optional(),
  sourceZones: z.string().max(200).optional(),
  sheet: z.enum(Object.keys(SHEETS) as [SheetKey, ...SheetKey[]]).optional(),
});

// GET /export/bulletin.xlsx?regionCode=421200&month=2026-10 (and .md): the monthly bulletin (月通报).
const BulletinQueryModel = z.object({
  regionCode: z.string().trim().min(1).max(100),
  month: z.string().trim().max(7),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
};

/** `attachment` with an ASCII name and the Chinese one (RFC 6266 / 5987). */
function disposition(ascii: string, title: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(title)}`;
}

/** A user's error as JSON with its HTTP status; anything else to the app's error handler. */
function sendError(e: unknown, res: express.Response, next: express.NextFunction): void {
  const code = e instanceof GraphQLError ? e.extensions.code : undefined;
  const status = typeof code === 'string' ? HTTP_STATUS[code] : undefined;
  if (e instanceof GraphQLError && status) {
    res.status(status).json({ errors: [{ message: e.message, extensions: e.extensions }] });
    return;
  }
  next(e);
}

/** The export routes, mounted at /export. */
export function exportRouter(deps: ContextDeps): express.Router {
  const router = express.Router();
  const contextFor = createContextFactory(deps);

  const handle =
    (format: 'xlsx' | 'csv'): express.RequestHandler =>
    async (req, res, next) => {
      try {
        const parsed = QueryModel.safeParse(req.query);
        if (!parsed.success) throw fromZod(parsed.error, 'query');
        const q = parsed.data;
        const ctx = await contextFor({ req });
        // The same access as the `investmentMap` query: public, its pipeline part by scope.
        await checkAccess(ctx, FIELD_ACCESS['Query.investmentMap']!, 'the investment-map export');
        const exp = await buildMapExport(ctx, {
          chainId: q.chainId,
          regionCode: q.regionCode,
          thresholds: {
            strongMinCount: q.strongMinCount ?? null,
            strongMinQuotient: q.strongMinQuotient ?? null,
          },
          perGap: q.perGap ?? null,
          level: q.level ?? null,
          includeKnown: q.includeKnown === 'true' || q.includeKnown === '1',
          sourceZones: q.sourceZones
            ? q.sourceZones
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : null,
        });
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader(
          'Content-Disposition',
          disposition(exportFileName(exp.map, format), exportTitle(exp.map, format)),
        );
        if (format === 'xlsx') {
          res.type(XLSX_TYPE).send(await mapWorkbook(exp));
        } else {
          res.type('text/csv; charset=utf-8').send(mapCsv(exp, q.sheet ?? null));
        }
      } catch (e) {
        sendError(e, res, next);
      }
    };

  const handleBulletin =
    (format: 'xlsx' | 'md'): express.RequestHandler =>
    async (req, res, next) => {
      try {
        const parsed = BulletinQueryModel.safeParse(req.query);
        if (!parsed.success) throw fromZod(parsed.error, 'query');
        // The request's viewer, as for the `bulletin` query: a signed-in user, rows by scope (a
        // region wholly outside it is FORBIDDEN, 403).
        const ctx = await contextFor({ req });
        await checkAccess(ctx, accessOf('Query', 'bulletin')!, 'the bulletin export');
        const b = await bulletin(ctx, parsed.data);
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader(
          'Content-Disposition',
          disposition(bulletinFileName(b, format), bulletinTitle(b, format)),
        );
        if (format === 'xlsx') res.type(XLSX_TYPE).send(await bulletinWorkbook(b));
        else res.type('text/markdown; charset=utf-8').send(bulletinMarkdown(b));
      } catch (e) {
        sendError(e, res, next);
      }
    };

  router.get('/bulletin.xlsx', handleBulletin('xlsx'));
  router.get('/bulletin.md', handleBulletin('md'));
  router.get('/investment-map.xlsx', handle('xlsx'));
  router.get('/investment-map.csv', handle('csv'));
  return router;
}
