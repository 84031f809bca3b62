import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.js';
import { as, data, error } from '../support/gql.js';
import type { TestUserName } from '../support/users.js';
import { openWorld, type World } from '../support/world-api.js';

// The tracking reads (考核、排位、预警、通报、链长责任、走访记录) within the reader's scope
// (docs/security.md): a region wholly outside it is FORBIDDEN, a region above it is narrowed to
// it, and a chain-bound task force sees only its chains' projects.
//
// The test world (support/world.ts): 咸宁 421200 has a 新能源汽车 project in the zone
// (pr-catl-xn, signed 2021-06-01, 50亿) and two 绿色包装 projects in 嘉鱼 (pr-paper-jy, started
// 2021-07-20, 3.5亿; pr-undated); 汉中 610700 has its own 新能源汽车 project (pr-catl-hz).

let api: TestApi;
let world: World | undefined;

beforeAll(async () => {
  ({ api } = world = await openWorld());
});

afterAll(() => world?.close());

interface Lines {
  region: { code: string };
  lines: { metric: string; projectKeys: string[]; projects: { key: string }[] }[];
}
interface Report {
  kpiReport: { region: Lines; regions: Lines[] };
}

const KPI = `query ($r: String!) {
  kpiReport(regionCode: $r, year: 2021, asOf: "2021-12-31") {
    region { region { code } lines { metric projectKeys projects { key } } }
    regions { region { code } lines { metric projectKeys projects { key } } }
  } }`;

/** Every project key in the report's project lists (keys and resolved projects alike). */
function projectsIn(r: Report['kpiReport']): string[] {
  const keys = new Set<string>();
  for (const k of [r.region, ...r.regions])
    for (const l of k.lines) {
      for (const key of l.projectKeys) keys.add(key);
      for (const p of l.projects) keys.add(p.key);
    }
  return [...keys].sort();
}

const kpi = async (user: TestUserName, regionCode = '421200') =>
  (await data<Report>(as(api, user), KPI, { r: regionCode })).kpiReport;

describe('tracking reads within the scope', () => {
  it('ADMIN sees every chain’s projects of 咸宁', async () => {
    expect(projectsIn(await kpi('admin'))).toEqual(['pr-catl-xn', 'pr-paper-jy']);
  });

  it('a TASK_FORCE user bound to one chain sees only that chain’s projects', async () => {
    expect(projectsIn(await kpi('xnNev'))).toEqual(['pr-catl-xn']);
    expect(projectsIn(await kpi('xnPack'))).toEqual(['pr-paper-jy']);
  });

  it('a county office asking for its city sees its county only', async () => {
    const r = await kpi('jiayu');
    expect(projectsIn(r)).toEqual(['pr-paper-jy']);
    expect(r.regions.map((x) => x.region.code)).toEqual(['421221']);
  });

  it('a CITY_OFFICE user of another city gets FORBIDDEN for 咸宁’s reports', async () => {
    const hz = as(api, 'hanzhong');
    for (const q of [
      `{ kpiReport(regionCode: "421200", year: 2021) { year } }`,
      `{ bulletin(regionCode: "421200", month: "2021-06") { label } }`,
      `{ ranking(regionCode: "421200", year: 2021, period: MONTH, index: 6) { label } }`,
      `{ warnings(regionCode: "421200", asOf: "2021-12-31") { reason } }`,
      `{ leaderDuties(regionCode: "421200", year: 2021) { contactsInYear } }`,
      `{ contacts(filter: { regionCode: "421200" }) { key } }`,
    ]) {
      const e = await error(hz, q);
      expect(e.extensions?.code, q).toBe('FORBIDDEN');
      expect(e.message).toContain('outside your scope');
    }
    // Its own city answers, without 咸宁's projects.
    expect(projectsIn(await kpi('hanzhong', '610700'))).toEqual([]);
    // A region that does not exist answers the same FORBIDDEN; only ADMIN learns it is missing.
    expect((await error(hz, `{ kpiReport(regionCode: "999999") { year } }`)).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await error(api, `{ kpiReport(regionCode: "999999") { year } }`)).extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('a region above the scope is narrowed to it (湖北 for 咸宁’s office: 咸宁 only)', async () => {
    const r = await kpi('xianning', '420000');
    expect(r.regions.map((x) => x.region.code)).toEqual(['421200']);
    expect(projectsIn(r)).toEqual(['pr-catl-xn', 'pr-paper-jy']);
    const ranking = await data<{ ranking: { rows: { region: { code: string } }[] } }>(
      as(api, 'xianning'),
      `{ ranking(regionCode: "420000", year: 2021, period: HALF_YEAR, index: 2, asOf: "2021-12-31") { rows { region { code } } } }`,
    );
    expect(ranking.ranking.rows.map((x) => x.region.code)).toEqual(['421200']);
  });

  it('leaders’ duties list the task forces in scope only', async () => {
    const q = `{ leaderDuties(regionCode: "421200", year: 2021, asOf: "2021-12-31") { taskForce { key } } }`;
    const keys = async (user: TestUserName) =>
      (await data<{ leaderDuties: { taskForce: { key: string } }[] }>(as(api, user), q)).leaderDuties
        .map((d) => d.taskForce.key)
        .sort();
    expect(await keys('admin')).toEqual(['tf-xn-nev', 'tf-xn-pack']);
    expect(await keys('xnPack')).toEqual(['tf-xn-pack']);
  });
});
