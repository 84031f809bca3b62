import type { Executor, Logger } from '@chainmap/graph';
import { loadCatalog } from './catalog/validate.js';
import { loadChainkg } from './chainkg/load.js';
import { importChainkg } from './chainkg/normalize.js';
import { beginImport, finishImport, lastCompleteImport } from './load/imports.js';
import { writeCatalog, writeIndustries, writeRegions } from './load/reference.js';
import { readPipelineFile, writePipeline } from './pipeline/load.js';
import { buildRegions } from './regions/regions.js';
import { loadSynthetic } from './synthetic/load.js';
import { DEV_USERS, writeUsers } from './users/users.js';

export const DEFAULT_SYNTHETIC_ENTERPRISES = 20_000;
export const DEFAULT_SYNTHETIC_SEED = 2021;

export interface DefaultSeedOptions {
  /** Skip when a default seed has completed before (what `npm start` does). */
  ifEmpty?: boolean;
  enterprises?: number;
  seed?: number;
  quiet?: boolean;
  logger?: Logger;
  /** Create the development users, whose passwords are public (default true; the CLI: not in production). */
  users?: boolean;
}

export interface DefaultSeedResult {
  skipped: boolean;
  importId?: string;
  seconds?: number;
  summary?: Record<string, unknown>;
}

/**
 * The default data set: regions, the chain catalog, the chainkg listed companies, synthetic
 * enterprises (deterministic), and the seed places' task forces, libraries, projects and KPI
 * targets. Every step MERGEs, so a run interrupted anywhere completes when run again.
 */
export async function seedDefault(
  executor: Executor,
  opts: DefaultSeedOptions = {},
): Promise<DefaultSeedResult> {
  const log = opts.logger;
  if (opts.ifEmpty) {
    const done = await lastCompleteImport(executor, 'default-seed');
    if (done) {
      log?.info(
        { importId: done },
        'default seed already loaded: skipping (run `npm run seed -- default` to reload)',
      );
      return { skipped: true };
    }
  }
  const started = performance.now();
  const importId = await beginImport(executor, 'default-seed', 'seed/catalog, seed/data/chainkg, synthetic');
  try {
    const regions = buildRegions();
    const catalog = await loadCatalog();
    const regionCount = await writeRegions(executor, regions, importId);
    // Industries before the catalog, so each link's MAPS_TO edges find their Shenwan industry.
    const chainkgData = await importChainkg({ regions });
    await writeIndustries(executor, chainkgData.industries, importId);
    await writeCatalog(executor, catalog, importId);
    log?.info(
      { regions: regionCount, chains: catalog.chains.length, links: catalog.links.length },
      'reference data loaded',
    );

    const chainkg = await loadChainkg(executor, {
      importId,
      regions,
      quiet: opts.quiet ?? false,
      data: chainkgData,
    });
    log?.info(
      {
        companies: chainkg.companies,
        assignments: chainkg.assignments,
        unresolvedLocations: chainkg.unresolvedLocations,
        defects: defectCounts(chainkg.report),
      },
      'chainkg listed companies imported',
    );

    const synthetic = await loadSynthetic(executor, {
      enterprises: opts.enterprises ?? DEFAULT_SYNTHETIC_ENTERPRISES,
      seed: opts.seed ?? DEFAULT_SYNTHETIC_SEED,
      catalog,
      regions,
      importId,
      mode: 'upsert',
    });
    log?.info(
      { enterprises: synthetic.enterprises, relationships: synthetic.relationships },
      'synthetic enterprises loaded',
    );

    const pipeline = await writePipeline(executor, await readPipelineFile(), importId);
    if (pipeline.missingEnterprises.length) {
      log?.warn({ missing: pipeline.missingEnterprises }, 'pipeline file names enterprises the graph lacks');
    }
    log?.info(pipeline, 'task forces, libraries, projects and KPI targets loaded');

    // One user per role for the seed places (development passwords: seed/src/users/users.ts).
    const users = opts.users === false ? [] : await writeUsers(executor, DEV_USERS);
    log?.info({ users }, 'development users created');

    const seconds = (performance.now() - started) / 1000;
    const summary = {
      regions: regionCount,
      chains: catalog.chains.length,
      links: catalog.links.length,
      listedCompanies: chainkg.companies,
      syntheticEnterprises: synthetic.enterprises,
      projects: pipeline.projects,
    };
    await finishImport(
      executor,
      importId,
      'COMPLETE',
      {
        read: chainkg.companies + synthetic.enterprises,
        created: chainkg.created + synthetic.enterprises,
        updated: chainkg.updated,
        rejected: chainkg.report.badLines.length,
        unresolved: chainkg.unresolvedLocations,
      },
      { summary, chainkg: chainkg.report },
    );
    return { skipped: false, importId, seconds, summary };
  } catch (e) {
    await finishImport(
      executor,
      importId,
      'FAILED',
      { read: 0, created: 0, updated: 0, rejected: 0, unresolved: 0 },
      {
        error: (e as Error).message,
      },
    ).catch(() => undefined);
    throw e;
  }
}

/** The defect report reduced to its counts, for a one-line log. */
export function defectCounts(report: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(report)) {
    if (v && typeof v === 'object' && 'count' in v && typeof (v as { count: unknown }).count === 'number') {
      out[k] = (v as { count: number }).count;
    }
  }
  return out;
}
