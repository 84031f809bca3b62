import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/core/relay.js';
import type { TestApi } from '../support/api.js';
import { data, error } from '../support/gql.js';
import { openWorld, type World } from '../support/world-api.js';

let api: TestApi;
let world: World | undefined;

beforeAll(async () => {
  ({ api } = world = await openWorld());
});

afterAll(() => world?.close());

interface ProjectPage {
  projects: {
    totalCount: number;
    edges: { cursor: string; node: { key: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const PROJECTS = `query ($filter: ProjectFilter, $first: Int, $after: String) {
  projects(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { key } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

const keys = async (filter: Record<string, unknown>) =>
  (await data<ProjectPage>(api, PROJECTS, { filter })).projects.edges.map((e) => e.node.key);

describe('projects', () => {
  it('lists projects latest stage move first, undated last, with their ties and history', async () => {
    const d = await data(
      api,
      `{ projects(first: 1) { totalCount edges { node {
          id key name amount industrial exportOriented stage stageOn plannedProductionOn version
          enterprise { key } region { code } links { key } taskForce { key }
          events { stage on reason } } } } }`,
    );
    expect(d).toEqual({
      projects: {
        totalCount: 4,
        edges: [
          {
            node: {
              id: toGlobalId('Project', 'pr-paper-jy'),
              key: 'pr-paper-jy',
              name: '嘉鱼纸包装扩产项目',
              amount: 3.5,
              industrial: true,
              exportOriented: false,
              stage: 'STARTED',
              stageOn: '2021-07-20',
              plannedProductionOn: null,
              version: 1,
              enterprise: { key: 'e-cb-paper' },
              region: { code: '421221' },
              links: [{ key: 'pack.paper' }],
              taskForce: { key: 'tf-xn-pack' },
              events: [{ stage: 'STARTED', on: '2021-07-20', reason: null }],
            },
          },
        ],
      },
    });
    expect(await keys({})).toEqual(['pr-paper-jy', 'pr-catl-xn', 'pr-catl-hz', 'pr-undated']);
    const history = await data(
      api,
      `{ projects(filter: { stage: SIGNED }) { edges { node { events { seq stage on reason by } funds { on amount } links { key } } } } }`,
    );
    expect(history).toEqual({
      projects: {
        edges: [
          {
            node: {
              events: [
                { seq: 1, stage: 'LEAD', on: '2021-01-10', reason: null, by: null },
                { seq: 2, stage: 'NEGOTIATING', on: '2021-03-01', reason: null, by: null },
                { seq: 3, stage: 'SIGNED', on: '2021-06-01', reason: '市长签约', by: 'p-member' },
              ],
              funds: [
                { on: '2021-07-31', amount: 2.5 },
                { on: '2021-09-30', amount: 5 },
              ],
              links: [{ key: 'nev.cathode' }, { key: 'nev.cell' }],
            },
          },
        ],
      },
    });
  });

  it('filters by region (and every region within it), chain and stage', async () => {
    expect(await keys({ regionCode: '421200' })).toEqual(['pr-paper-jy', 'pr-catl-xn', 'pr-undated']);
    expect(await keys({ regionCode: '420000' })).toEqual(['pr-paper-jy', 'pr-catl-xn', 'pr-undated']);
    expect(await keys({ regionCode: '4212Z01' })).toEqual(['pr-catl-xn']);
    expect(await keys({ regionCode: toGlobalId('Region', '610000') })).toEqual(['pr-catl-hz']);
    expect(await keys({ chainId: 'nev' })).toEqual(['pr-catl-xn', 'pr-catl-hz']);
    expect(await keys({ chainId: 'pack', stage: 'LEAD' })).toEqual(['pr-undated']);
    expect(await keys({ regionCode: '421200', chainId: 'nev', stage: 'SIGNED' })).toEqual(['pr-catl-xn']);
    expect(await keys({ regionCode: '350000' })).toEqual([]);
  });

  it('pages with keyset cursors through dated and undated projects', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const p: ProjectPage = await data<ProjectPage>(api, PROJECTS, { first: 1, after });
      seen.push(...p.projects.edges.map((e) => e.node.key));
      expect(p.projects.pageInfo.hasPreviousPage).toBe(after != null);
      if (!p.projects.pageInfo.hasNextPage) break;
      after = p.projects.pageInfo.endCursor;
    }
    expect(seen).toEqual(['pr-paper-jy', 'pr-catl-xn', 'pr-catl-hz', 'pr-undated']);
    const e = await error(api, PROJECTS, { after: 'garbage!' });
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('task forces, people and target libraries', () => {
  it('lists target libraries by the chain and region of their task force', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (
        await data<{ targetLibraries: { key: string }[] }>(
          api,
          `query ($f: TargetLibraryFilter) { targetLibraries(filter: $f) { key } }`,
          { f: filter },
        )
      ).targetLibraries.map((l) => l.key);
    expect(await names({})).toEqual(['tl-xn-nev', 'tl-xn-pack', 'tl-hz-nev']);
    expect(await names({ chainId: 'nev' })).toEqual(['tl-xn-nev', 'tl-hz-nev']);
    expect(await names({ regionCode: '420000' })).toEqual(['tl-xn-nev', 'tl-xn-pack']);
    expect(await names({ regionCode: '421200', chainId: 'pack' })).toEqual(['tl-xn-pack']);
    expect(await names({ regionCode: '421221' })).toEqual([]);
  });

  it('gives a library its entries with priority, reason, owner and date, and its task force', async () => {
    const d = await data(
      api,
      `{ targetLibraries(filter: { chainId: "nev", regionCode: "421200" }) {
          id key name version
          taskForce { key name leadDepartment budget chain { key } region { code }
            leader { key name title leads { key } }
            members { name memberOf { key } }
            libraries { key } projects { key } }
          entries { enterprise { key } priority reason ownerId owner { name } addedOn } } }`,
    );
    expect(d).toEqual({
      targetLibraries: [
        {
          id: toGlobalId('TargetLibrary', 'tl-xn-nev'),
          key: 'tl-xn-nev',
          name: '咸宁新能源汽车目标企业库',
          version: 1,
          taskForce: {
            key: 'tf-xn-nev',
            name: '咸宁市新能源汽车产业链招商专班',
            leadDepartment: '市经信局',
            budget: 500,
            chain: { key: 'nev' },
            region: { code: '421200' },
            leader: {
              key: 'p-mayor',
              name: '王建国',
              title: '副市长',
              leads: [{ key: 'tf-xn-nev' }, { key: 'tf-xn-pack' }],
            },
            members: [{ name: '李招商', memberOf: [{ key: 'tf-xn-nev' }] }],
            libraries: [{ key: 'tl-xn-nev' }],
            projects: [{ key: 'pr-catl-xn' }],
          },
          entries: [
            {
              enterprise: { key: 'e-catl' },
              priority: 1,
              reason: '补链：动力电池',
              ownerId: 'p-member',
              owner: { name: '李招商' },
              addedOn: '2021-03-01',
            },
            {
              enterprise: { key: 'e-wh-car' },
              priority: 2,
              reason: '以商招商：整车带配套',
              ownerId: 'p-gone',
              owner: null,
              addedOn: '2021-04-15',
            },
          ],
        },
      ],
    });
  });
});
