import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.js';
import { data } from '../support/gql.js';
import { openWorld, type World } from '../support/world-api.js';

// Every ```graphql example of docs/api.md runs without errors, in order, against a small graph
// holding the ids they use (the test world plus the default seed's ids, added through the API's
// own mutations); and those ids are the default seed's, so the examples run there as they are.

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/api.md`, 'utf8');
const examples = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => {
  const text = m[1]!;
  const op = parse(text).definitions[0] as { name?: { value: string } };
  return { name: op.name?.value ?? '(anonymous)', text };
});

/** The default seed's ids the examples use, on top of the test world (support/world.ts). */
const FIXTURE = `mutation DocsFixture {
  health: createChain(input: { id: "health", name: "大健康", description: "康养与医疗健康" }) { key }
  rehab: createLink(input: { id: "health.rehab-devices", chainId: "health", name: "康复辅具与家用医疗器械", stage: UPSTREAM }) { key }
  tfNev: createTaskForce(input: { id: "tf-421281-nev", name: "赤壁市新能源汽车零部件产业链招商专班", chainId: "nev",
    regionCode: "421281", leaderId: "p-mayor", leadDepartment: "赤壁市经济和信息化局" }) { key }
  tfHealth: createTaskForce(input: { id: "tf-421200-health", name: "咸宁市大健康产业链招商专班", chainId: "health",
    regionCode: "421200", leaderId: "p-member", memberIds: ["p-mayor"], leadDepartment: "市卫生健康委员会", budget: 300 }) { key }
  library: createTargetLibrary(input: { id: "tl-421200-health", taskForceId: "tf-421200-health", name: "咸宁市大健康产业链招商目标企业库" }) { key }
  hengrui: createEnterprise(input: { id: "cn-600276.SH", name: "恒瑞医药", stockCode: "600276", tags: ["LISTED"], regionCode: "420111" }) { key }
  xaCell: createEnterprise(input: { id: "cn-xa-cell", name: "咸安电芯", tags: ["LISTED"], revenue: 8, regionCode: "421202" }) { key }
  assign: assignEnterpriseToLink(input: { enterpriseId: "cn-xa-cell", linkId: "nev.cell", source: IMPORT, confidence: 0.8 }) { key }
  entry: addLibraryEntry(input: { libraryId: "tl-421200-health", enterpriseId: "e-xn-city", priority: 1, reason: "补链", ownerId: "p-member" }) { addedOn }
  project: createProject(input: { id: "pj-2026-001", name: "宁德时代赤壁动力电池电芯项目", enterpriseId: "e-catl", regionCode: "421281",
    linkIds: ["nev.cell"], taskForceId: "tf-421281-nev", amount: 120, industrial: true, exportOriented: true,
    plannedProductionOn: "2027-10-31" }) { key }
}`;

let api: TestApi;
let world: World | undefined;

beforeAll(async () => {
  ({ api } = world = await openWorld());
  await data(api, FIXTURE);
});

afterAll(() => world?.close());

describe('docs/api.md', () => {
  it('has examples, one named operation each', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const e of examples) {
      expect(parse(e.text).definitions, e.name).toHaveLength(1);
      expect(e.name, e.text).not.toBe('(anonymous)');
    }
  });

  it.each(examples.map((e) => [e.name, e.text] as const))('runs %s without errors', async (_name, text) => {
    const r = await api.gql(text);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.status).toBe(200);
    expect(Object.values(r.data ?? {}).some((v) => v !== null)).toBe(true);
  });

  it('uses ids of the default seed', () => {
    const catalog = ['chains/nev.json', 'chains/health.json', 'pipeline.json']
      .map((f) => readFileSync(`${root}seed/catalog/${f}`, 'utf8'))
      .join('\n');
    const companies = readFileSync(`${root}seed/data/chainkg/company.json`, 'utf8');
    const text = examples.map((e) => e.text).join('\n');
    const quoted = [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const ids = quoted.filter((q) => /^(nev|health|eit)(\.[a-z-]+)?$|^(pj|tl|tf|kpi)-/.test(q));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(catalog.includes(`"${id}"`), id).toBe(true);
    const listed = (code: string) => new RegExp(`"code": "${code}(\\.(SH|SZ|BJ))?"`).test(companies);
    for (const [, code] of text.matchAll(/"cn-(\d{6})\.(SH|SZ|BJ)"/g)) expect(listed(code!), code).toBe(true);
    expect(listed('300750')).toBe(true);
  });
});
