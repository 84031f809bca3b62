import type { Executor } from '@chainmap/graph';
import type { Catalog } from '../catalog/validate.js';
import type { Industry } from '../chainkg/normalize.js';
import type { RegionSet } from '../regions/regions.js';
import {
  chainsUpsertQ,
  industriesUpsertQ,
  linksParentsQ,
  linksSuppliesQ,
  linksUpsertQ,
  regionsLinkParentsQ,
  regionsUpsertQ,
  sourceZonesUpsertQ,
  writeAll,
} from './reference.store.js';

const REGION_BATCH = 2_000;

/** Regions (with WITHIN edges) and source zones (with IN_ZONE edges). Idempotent. */
export async function writeRegions(executor: Executor, set: RegionSet, importId: string): Promise<number> {
  const rows = set.regions.map((r) => ({
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    level: r.level,
    parentCode: r.parentCode ?? null,
  }));
  for (let i = 0; i < rows.length; i += REGION_BATCH) {
    await executor.write(regionsUpsertQ, { rows: rows.slice(i, i + REGION_BATCH), importId });
  }
  const children = rows.filter((r) => r.parentCode);
  for (let i = 0; i < children.length; i += REGION_BATCH) {
    await executor.write(regionsLinkParentsQ, { rows: children.slice(i, i + REGION_BATCH) });
  }
  await executor.write(sourceZonesUpsertQ, {
    zones: set.sourceZones.map((z) => ({ code: z.code, name: z.name, members: z.members })),
    importId,
  });
  return rows.length;
}

/** Shenwan industries, parents first so WITHIN edges find them. Idempotent. */
export async function writeIndustries(
  executor: Executor,
  industries: Industry[],
  importId: string,
): Promise<number> {
  const sorted = [...industries].sort((a, b) => a.level - b.level);
  await executor.write(industriesUpsertQ, {
    rows: sorted.map((i) => ({
      code: i.code,
      name: i.name,
      level: i.level,
      parentCode: i.parentCode ?? null,
    })),
    importId,
  });
  return sorted.length;
}

/** The chain catalog: chains, links, sub-links, SUPPLIES and MAPS_TO edges, in one transaction. */
export async function writeCatalog(executor: Executor, catalog: Catalog, importId: string): Promise<void> {
  const links = catalog.links.map((l) => ({
    id: l.id,
    chainId: l.chainId,
    name: l.name,
    stage: l.stage,
    key: l.key,
    description: l.description ?? null,
    shenwan: l.shenwan ?? [],
    gbt4754: l.gbt4754 ?? [],
    parent: l.parent ?? null,
  }));
  await writeAll(executor, 'writeCatalog', [
    [chainsUpsertQ, { chains: catalog.chains, importId }],
    [linksUpsertQ, { links, importId }],
    [linksParentsQ, { links: links.filter((l) => l.parent) }],
    [
      linksSuppliesQ,
      {
        supplies: catalog.supplies.map((s) => ({
          from: s.from,
          to: s.to,
          note: s.note ?? null,
          allowCycle: s.allowCycle ?? false,
        })),
      },
    ],
  ]);
}
