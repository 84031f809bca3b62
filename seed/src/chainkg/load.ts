import type { Executor } from '@chainmap/graph';
import { assignLinksByIndustry, writeEnterprises, type EnterpriseRow } from '../load/enterprises.store.js';
import { writeIndustries } from '../load/reference.js';
import { industryUpstreamQ } from '../load/reference.store.js';
import { createProgress } from '../progress.js';
import type { RegionSet } from '../regions/regions.js';
import { importChainkg, type ChainkgImport, type Company, type DefectReport } from './normalize.js';

const BATCH = 1_000;

export interface ChainkgLoadResult {
  report: DefectReport;
  companies: number;
  created: number;
  updated: number;
  assignments: number;
  unresolvedLocations: number;
}

/** A listed company as the enterprise writer takes it: tagged LISTED, located where its name says. */
export function companyToRow(c: Company): EnterpriseRow {
  return {
    id: c.id,
    name: c.name,
    fullName: c.fullName,
    stockCode: c.stockCode,
    tags: ['LISTED'],
    ...(c.industryCode ? { industryCode: c.industryCode } : {}),
    ...(c.location.status === 'resolved' && c.location.regionCode
      ? { regionCode: c.location.regionCode }
      : {}),
    synthetic: false,
    sourceRows: c.source.map((s) => `${s.file}:${s.line}`),
  };
}

/**
 * Import the chainkg listed companies (seed/data/chainkg) into the graph: Shenwan industries and
 * their upstream ties, then the companies (upsert: re-running changes nothing), then their links
 * through their industry. Every defect of the data is in the returned report.
 */
export async function loadChainkg(
  executor: Executor,
  opts: { importId: string; regions: RegionSet; quiet?: boolean; data?: ChainkgImport },
): Promise<ChainkgLoadResult> {
  const data = opts.data ?? (await importChainkg({ regions: opts.regions }));
  await writeIndustries(executor, data.industries, opts.importId);
  await executor.write(industryUpstreamQ, { rows: data.upstream, importId: opts.importId });
  const rows = data.companies.map(companyToRow);
  const progress = createProgress('listed companies', rows.length, opts.quiet ? { quiet: true } : {});
  let created = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const r = await writeEnterprises(executor, rows.slice(i, i + BATCH), { importId: opts.importId });
    created += r.created;
    updated += r.updated;
    progress.update(Math.min(i + BATCH, rows.length));
  }
  progress.stop();
  const assignments = await assignLinksByIndustry(executor, {
    importId: opts.importId,
    enterpriseIds: rows.map((r) => r.id),
  });
  return {
    report: data.report,
    companies: rows.length,
    created,
    updated,
    assignments,
    unresolvedLocations: data.companies.filter((c) => c.location.status !== 'resolved').length,
  };
}
