#!/usr/bin/env node
import { createLogger, loadConfigOrExit, openDatabaseOrExit } from '@chainmap/graph';
import { GraphQLError } from 'graphql';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { authSettings } from '../auth/settings.js';
import { createContextFactory } from '../core/context.js';
import { buildMapExport, mapCsv, mapWorkbook } from '../export/map-export.js';
import { SHEETS, type SheetKey } from '../export/map-tables.js';

const USAGE = `Usage: node server/dist/cli/export-map.js --chain <id> --region <code> --out <file.xlsx|file.csv>
  [--strong-min-count N] [--strong-min-quotient Q] [--per-gap N] [--level PROVINCE|CITY]
  [--source-zones CSJ,YGA,JJJ] [--include-known] [--sheet cover|diagnosis|targets|regions|projects (CSV only)]

Writes the investment map (招商地图) of a chain for a region. Connects to NEO4J_URI, or starts the
embedded Neo4j when it is unset (as the API does).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        chain: { type: 'string' },
        region: { type: 'string' },
        out: { type: 'string' },
        'strong-min-count': { type: 'string' },
        'strong-min-quotient': { type: 'string' },
        'per-gap': { type: 'string' },
        level: { type: 'string' },
        'source-zones': { type: 'string' },
        'include-known': { type: 'boolean' },
        sheet: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!values.chain || !values.region || !values.out) fail('--chain, --region and --out are required');
const format = values.out.toLowerCase().endsWith('.csv')
  ? 'csv'
  : values.out.toLowerCase().endsWith('.xlsx')
    ? 'xlsx'
    : null;
if (!format) fail('--out must end in .xlsx or .csv');
const num = (name: string, v: string | undefined) => {
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : fail(`--${name} must be a number`);
};
const level = values.level?.toUpperCase();
if (level && level !== 'PROVINCE' && level !== 'CITY') fail('--level must be PROVINCE or CITY');
if (values.sheet && !(values.sheet in SHEETS))
  fail(`--sheet must be one of ${Object.keys(SHEETS).join(', ')}`);

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'export-map');
const db = await openDatabaseOrExit(config, logger);
try {
  // Run on the operator's own machine with the database's credentials: the whole pipeline is theirs.
  const ctx = await createContextFactory({
    executor: db.executor,
    logger,
    auth: authSettings(config),
    system: true,
  })({
    req: { headers: {} },
  });
  const exp = await buildMapExport(ctx, {
    chainId: values.chain,
    regionCode: values.region,
    thresholds: {
      strongMinCount: num('strong-min-count', values['strong-min-count']),
      strongMinQuotient: num('strong-min-quotient', values['strong-min-quotient']),
    },
    perGap: num('per-gap', values['per-gap']),
    level: (level as 'PROVINCE' | 'CITY' | undefined) ?? null,
    includeKnown: values['include-known'] ?? false,
    sourceZones: values['source-zones'] ? values['source-zones'].split(',').map((s) => s.trim()) : null,
  });
  const body =
    format === 'xlsx' ? await mapWorkbook(exp) : mapCsv(exp, (values.sheet as SheetKey | undefined) ?? null);
  await writeFile(values.out, body);
  const d = exp.map.diagnosis;
  process.stdout.write(
    `wrote ${values.out}: ${exp.map.region.name} ${exp.map.chain.name}, ${d.links.length} links, ${d.gaps.length} gaps, ` +
      `${exp.map.targets.reduce((s, t) => s + t.hits.length, 0)} targets, ${exp.map.sourceRegions.length} source regions\n`,
  );
} catch (e) {
  process.stderr.write(
    `export failed: ${e instanceof GraphQLError || e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exitCode = 1;
} finally {
  await db.close();
}
