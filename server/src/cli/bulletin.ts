#!/usr/bin/env node
import { createLogger, loadConfigOrExit, openDatabaseOrExit } from '@chainmap/graph';
import { GraphQLError } from 'graphql';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { authSettings } from '../auth/settings.js';
import { createContextFactory } from '../core/context.js';
import { bulletinMarkdown, bulletinWorkbook } from '../export/bulletin-export.js';
import { bulletin } from '../tracking/tracking.service.js';

const USAGE = `Usage: node server/dist/cli/bulletin.js --region <code> --month <YYYY-MM> --out <file.xlsx|file.md>

Writes the monthly bulletin (月通报) of a region: KPI table with 序时进度 per county, ranking and
its movement, new signings and starts ≥ 1亿 by chain, warnings, gaps filled. Connects to
NEO4J_URI, or starts the embedded Neo4j when it is unset (as the API does).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        region: { type: 'string' },
        month: { type: 'string' },
        out: { type: 'string' },
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
if (!values.region || !values.month || !values.out) fail('--region, --month and --out are required');
const out = values.out;
const format = out.toLowerCase().endsWith('.md') ? 'md' : out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
if (!format) fail('--out must end in .xlsx or .md');

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'bulletin');
const db = await openDatabaseOrExit(config, logger);
try {
  // Run on the operator's own machine with the database's credentials: the whole pipeline is theirs.
  const ctx = await createContextFactory({
    executor: db.executor,
    logger,
    auth: authSettings(config),
    system: true,
  })({ req: { headers: {} } });
  const b = await bulletin(ctx, { regionCode: values.region, month: values.month });
  await writeFile(out, format === 'xlsx' ? await bulletinWorkbook(b) : bulletinMarkdown(b));
  process.stdout.write(
    `wrote ${out}: ${b.region.name} ${b.label} as of ${b.asOf}, ${b.kpi.regions.length} sub-regions, ` +
      `${b.signings.reduce((s, g) => s + g.count, 0)} signings, ${b.starts.reduce((s, g) => s + g.count, 0)} starts, ` +
      `${b.warnings.length} warnings\n`,
  );
} catch (e) {
  process.stderr.write(
    `bulletin failed: ${e instanceof GraphQLError || e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exitCode = 1;
} finally {
  await db.close();
}
