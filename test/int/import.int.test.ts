import { cypher, DbError, type Executor } from '@chainmap/graph';
import { importFile } from '@chainmap/seed';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/db.js';

let db: TestDb;
const dir = mkdtempSync(join(tmpdir(), 'chainmap-import-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const REFERENCE = cypher(
  'importTestReference',
  `CREATE (p:Region {code: '420000', name: '湖北省', level: 'PROVINCE'})
   CREATE (c:Region {code: '421200', name: '咸宁市', level: 'CITY', parentCode: '420000'})-[:WITHIN]->(p)
   CREATE (:Region {code: '421202', name: '咸安区', level: 'COUNTY', parentCode: '421200'})-[:WITHIN]->(c)
   CREATE (:Chain {id: 'nev'})-[:HAS_LINK]->(:Link {id: 'nev.cell', chainId: 'nev', stage: 'MIDSTREAM'})`,
);

const state = async () => {
  const [row] = await db.executor.read(
    cypher(
      'importTestState',
      `MATCH (e:Enterprise)
       OPTIONAL MATCH (e)-[l:LOCATED_IN]->(r)
       WITH e, r ORDER BY e.id
       RETURN collect([e.id, e.name, e.revenue, e.countyCode, e.cityCode, r.code, e.tags]) AS rows,
              COUNT { ()-[:OPERATES_IN]->() } AS ops, COUNT { ()-[:SUPPLIES_TO|INVESTS_IN]->() } AS ties`,
    ),
  );
  return row;
};

beforeAll(async () => {
  db = await openTestDb();
});
beforeEach(async () => {
  await db.reset();
  await db.executor.write(REFERENCE);
});
afterAll(async () => {
  await db?.close();
});

const CSV = [
  'id,name,fullName,stockCode,creditCode,tags,revenue,employees,industryCode,regionCode',
  'e1,咸宁恒达,咸宁恒达新材料有限公司,,91421200MA4A1B2C3D,HIGH_TECH|SPECIALIZED_SME,3.5,420,,421202',
  'e2,湖北楚电,湖北楚电科技股份有限公司,600373,,LISTED,120,5000,280501,421200',
  'e3,X,,,,,,,,421202', // name too short
  'e4,咸宁某某,,,,SUPER_FIRM,,,,421202', // unknown tag
  'e5,咸宁某某,,,12345,,,,,421202', // bad credit code
  'e1,咸宁恒达重复,,,,,,,,421202', // duplicate id in the file
  'e6,咸宁远方,,,,,-3,,,421202', // negative revenue
  'e7,咸宁未知,,,,,,,,999999', // region the graph lacks: loaded, counted as unresolved
].join('\n');

describe('importing enterprises from CSV', () => {
  it('loads the good rows and reports each bad row with its line and reason', async () => {
    const r = await importFile(db.executor, {
      file: file('firms.csv', CSV),
      kind: 'enterprises',
      quiet: true,
    });
    expect({ read: r.read, created: r.created, rejected: r.rejected, unresolved: r.unresolved }).toEqual({
      read: 8,
      created: 3,
      rejected: 5,
      unresolved: 1,
    });
    expect(r.rejections.map((x) => [x.line, x.reason.split(':')[0]])).toEqual([
      [4, 'name'],
      [5, 'tags.0'],
      [6, 'creditCode'],
      [7, 'duplicate of line 2 (e1); the first one is kept'],
      [8, 'revenue'],
    ]);
    expect(r.rejections.every((x) => x.file === 'firms.csv')).toBe(true);
    const s = await state();
    expect(s!.rows).toEqual([
      ['e1', '咸宁恒达', 3.5, '421202', '421200', '421202', ['HIGH_TECH', 'SPECIALIZED_SME']],
      ['e2', '湖北楚电', 120, null, '421200', '421200', ['LISTED']],
      ['e7', '咸宁未知', null, null, null, null, []],
    ]);
    const [e2] = await db.executor.read(
      cypher(
        't',
        "MATCH (e:Enterprise {id: 'e2'}) RETURN e.stockCode AS code, e.sourceRows AS src, e.importId AS imp",
      ),
    );
    expect(e2).toEqual({ code: '600373.SH', src: ['firms.csv:3'], imp: r.importId });
    const [imp] = await db.executor.read(
      cypher('t', 'MATCH (i:Import {id: $id}) RETURN i.status AS status, i.rejected AS rejected'),
      { id: r.importId },
    );
    expect(imp).toEqual({ status: 'COMPLETE', rejected: 5 });
  });

  it('is idempotent: importing the same file again creates nothing new', async () => {
    const f = file('again.csv', CSV);
    await importFile(db.executor, { file: f, kind: 'enterprises', quiet: true });
    const first = await state();
    const again = await importFile(db.executor, { file: f, kind: 'enterprises', quiet: true });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(3);
    expect(await state()).toEqual(first);
  });

  it('rejects invalid UTF-8 and malformed JSON lines in JSON Lines files', async () => {
    const good = '{"id":"j1","name":"赤壁新源","tags":["LEADER"],"regionCode":"421202"}\n';
    const bytes = Buffer.concat([
      Buffer.from(good),
      Buffer.from('{"id":"j2","name":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        '"}\n{"id": "j3", "name": \n\n["not", "an object"]\n{"id":"j4","name":"通山华茂","extra":1}\n',
      ),
    ]);
    const r = await importFile(db.executor, {
      file: file('firms.jsonl', bytes),
      kind: 'enterprises',
      quiet: true,
    });
    expect(r.created).toBe(1);
    expect(r.rejections.map((x) => [x.line, x.reason.slice(0, 20)])).toEqual([
      [2, 'invalid UTF-8 (save '],
      [3, 'not valid JSON: Unex'],
      [5, 'not a JSON object'],
      [6, 'row: Unrecognized ke'],
    ]);
  });

  it('rejects only the row whose unique stock code belongs to another enterprise', async () => {
    await importFile(db.executor, {
      file: file('a.csv', 'id,name,stockCode\nx1,甲公司,600001\n'),
      kind: 'enterprises',
      quiet: true,
    });
    const r = await importFile(db.executor, {
      file: file('b.csv', 'id,name,stockCode\nx2,乙公司,600002\nx3,丙公司,600001.SH\nx4,丁公司,\n'),
      kind: 'enterprises',
      quiet: true,
    });
    expect(r.created).toBe(2);
    expect(r.rejections).toEqual([
      { file: 'b.csv', line: 3, reason: expect.stringContaining('conflicts with an existing record') },
    ]);
  });
});

describe('assignments and relations', () => {
  it('import with missing references counted, not crashing', async () => {
    await importFile(db.executor, {
      file: file('f.csv', 'id,name\na,甲企业\nb,乙企业\n'),
      kind: 'enterprises',
      quiet: true,
    });
    const a = await importFile(db.executor, {
      file: file(
        'a.jsonl',
        '{"enterpriseId":"a","linkId":"nev.cell","confidence":0.9}\n{"enterpriseId":"zz","linkId":"nev.cell"}\n{"enterpriseId":"a","linkId":"nev.nowhere"}\n',
      ),
      kind: 'assignments',
      quiet: true,
    });
    expect({ created: a.created, missing: a.missing, rejected: a.rejected }).toEqual({
      created: 1,
      missing: 2,
      rejected: 0,
    });
    const r = await importFile(db.executor, {
      file: file('r.csv', 'fromId,toId,type,share\na,b,SUPPLIES_TO,\na,b,INVESTS_IN,0.3\na,b,OWNS,\n'),
      kind: 'relations',
      quiet: true,
    });
    expect({ created: r.created, rejected: r.rejected }).toEqual({ created: 2, rejected: 1 });
    const [o] = await db.executor.read(
      cypher('t', "MATCH (:Enterprise {id:'a'})-[o:OPERATES_IN]->() RETURN o.source AS s, o.confidence AS c"),
    );
    expect(o).toEqual({ s: 'IMPORT', c: 0.9 });
  });
});

describe('an interrupted import', () => {
  it('leaves no half-written batch, and re-running completes it to the same result', async () => {
    const rows = [
      'id,name,regionCode',
      ...Array.from({ length: 10 }, (_, i) => `i${i},企业${i}号,421202`),
    ].join('\n');
    const f = file('big.csv', rows);
    // An executor whose third write fails as if Neo4j went away mid-import.
    let writes = 0;
    const flaky = new Proxy(db.executor, {
      get(target, prop, receiver) {
        if (prop === 'writeTx') {
          return (...args: Parameters<Executor['writeTx']>) => {
            if (args[0] === 'writeEnterprises' && ++writes === 3) {
              return Promise.reject(new DbError('SERVICE_UNAVAILABLE', 'connection lost', args[0]));
            }
            return target.writeTx(...args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    await expect(
      importFile(flaky, { file: f, kind: 'enterprises', batchSize: 3, quiet: true }),
    ).rejects.toThrow('connection lost');
    const partial = Number(
      (await db.executor.read(cypher('t', 'MATCH (e:Enterprise) RETURN count(e) AS n')))[0]!.n,
    );
    expect(partial).toBe(6); // two whole batches of three, nothing of the third
    const [failed] = await db.executor.read(
      cypher('t', "MATCH (i:Import {status: 'FAILED'}) RETURN count(i) AS n"),
    );
    expect(failed!.n).toBe(1);

    await importFile(db.executor, { file: f, kind: 'enterprises', batchSize: 3, quiet: true });
    const resumed = await state();
    await db.reset();
    await db.executor.write(REFERENCE);
    await importFile(db.executor, { file: f, kind: 'enterprises', batchSize: 3, quiet: true });
    expect(resumed).toEqual(await state());
  });
});
