import { cypher, type Executor } from '@chainmap/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.js';
import { loadCatalog, type Catalog } from '../catalog/validate.js';
import { writeCatalog, writeRegions } from '../load/reference.js';
import { buildRegions, type RegionSet } from '../regions/regions.js';
import { loadSynthetic, type SyntheticSummary } from './load.js';

const q = (text: string) => cypher('test', text);

let db: TestDb;
let ex: Executor;
let catalog: Catalog;
let regions: RegionSet;
let first: SyntheticSummary;

const COUNTS = q(`
  CALL () { MATCH (e:Enterprise) RETURN count(e) AS enterprises }
  CALL () { MATCH (:Enterprise)-[r:LOCATED_IN]->(:Region) RETURN count(r) AS located }
  CALL () { MATCH (:Enterprise)-[r:OPERATES_IN]->(:Link) RETURN count(r) AS operates }
  CALL () { MATCH (:Enterprise)-[r:SUPPLIES_TO]->(:Enterprise) RETURN count(r) AS supplies }
  CALL () { MATCH (:Enterprise)-[r:INVESTS_IN]->(:Enterprise) RETURN count(r) AS invests }
  RETURN enterprises, located, operates, supplies, invests`);

beforeAll(async () => {
  db = await openTestDb();
  ex = db.executor;
  await db.reset();
  catalog = await loadCatalog();
  regions = buildRegions();
  await writeRegions(ex, regions, 'test-reference');
  await writeCatalog(ex, catalog, 'test-reference');
  first = await loadSynthetic(ex, {
    enterprises: 3000,
    seed: 11,
    mode: 'create',
    batchSize: 700,
    catalog,
    regions,
  });
});

afterAll(async () => {
  await db?.reset();
  await db?.close();
});

describe('loadSynthetic', () => {
  it('writes every enterprise with its region, links and ties, as the summary says', async () => {
    const [counts] = await ex.read(COUNTS);
    expect(counts).toEqual({
      enterprises: 3000,
      located: 3000,
      operates: first.assignments,
      supplies: first.supplies,
      invests: first.investments,
    });
    expect(first).toMatchObject({ enterprises: 3000, located: 3000, unresolvedRegion: 0, missing: 0 });
    expect(first.relationships).toBe(3000 + first.assignments + first.supplies + first.investments);
  });

  it('denormalises region codes for the seed places (咸宁 county, zone and city level)', async () => {
    const rows = await ex.read(
      q(`MATCH (e:Enterprise)-[:LOCATED_IN]->(r:Region)
         WHERE e.cityCode = '421200'
         RETURN DISTINCT r.level AS level, e.provinceCode AS province, e.countyCode IS NOT NULL AS hasCounty
         ORDER BY level`),
    );
    expect(rows).toContainEqual({ level: 'COUNTY', province: '420000', hasCounty: true });
    expect(rows).toContainEqual({ level: 'ZONE', province: '420000', hasCounty: false });
  });

  it('records the run as an Import and marks every firm synthetic', async () => {
    const [imp] = await ex.read(
      q('MATCH (i:Import {id: $id}) RETURN i.kind AS kind, i.status AS status, i.created AS created'),
      {
        id: first.importId,
      },
    );
    expect(imp).toEqual({ kind: 'synthetic', status: 'COMPLETE', created: 3000 });
    const [row] = await ex.read(
      q(
        'MATCH (e:Enterprise) RETURN count(e) AS n, sum(CASE WHEN e.synthetic AND e.importId = $id AND e.version = 1 THEN 1 ELSE 0 END) AS marked',
      ),
      { id: first.importId },
    );
    expect(row).toEqual({ n: 3000, marked: 3000 });
  });

  it('re-running the same seed in upsert mode changes no counts and bumps versions', async () => {
    const again = await loadSynthetic(ex, { enterprises: 3000, seed: 11, batchSize: 1000, catalog, regions });
    expect(again).toMatchObject({
      enterprises: 3000,
      located: 3000,
      missing: 0,
      assignments: first.assignments,
    });
    const [counts] = await ex.read(COUNTS);
    expect(counts).toEqual({
      enterprises: 3000,
      located: 3000,
      operates: first.assignments,
      supplies: first.supplies,
      invests: first.investments,
    });
    const [v] = await ex.read(q('MATCH (e:Enterprise) RETURN min(e.version) AS min, max(e.version) AS max'));
    expect(v).toEqual({ min: 2, max: 2 });
  });
});
