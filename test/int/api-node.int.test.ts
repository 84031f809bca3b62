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

/** One id of every type, read from the API itself. */
const IDS = `{
  region(code: "421200") { id code
    sourceZones { id } kpiTargets { id key } }
  sh: region(code: "310000") { sourceZones { id key } }
  chain(id: "nev") { id key taskForces { id key leader { id key } } }
  link(id: "nev.cell") { id key }
  enterprise(id: "e-catl") { id key projects { id key } }
  targetLibraries { id key }
}`;

const NODE = `query ($id: ID!) { node(id: $id) {
  __typename id
  ... on Region { code } ... on SourceZone { key } ... on Chain { key } ... on Link { key }
  ... on Enterprise { key } ... on Person { key } ... on TaskForce { key } ... on TargetLibrary { key }
  ... on Project { key } ... on KpiTarget { key }
} }`;

describe('node(id:)', () => {
  it('round-trips a global id of every type', async () => {
    interface Ref {
      id: string;
      key: string;
    }
    const d = await data<{
      region: { id: string; kpiTargets: Ref[] };
      sh: { sourceZones: Ref[] };
      chain: Ref & { taskForces: (Ref & { leader: Ref })[] };
      link: Ref;
      enterprise: Ref & { projects: Ref[] };
      targetLibraries: Ref[];
    }>(api, IDS);
    const samples: [string, string, string][] = [
      ['Region', d.region.id, '421200'],
      ['SourceZone', d.sh.sourceZones[0]!.id, 'CSJ'],
      ['Chain', d.chain.id, 'nev'],
      ['Link', d.link.id, 'nev.cell'],
      ['Enterprise', d.enterprise.id, 'e-catl'],
      ['TaskForce', d.chain.taskForces[0]!.id, d.chain.taskForces[0]!.key],
      ['Person', d.chain.taskForces[0]!.leader.id, d.chain.taskForces[0]!.leader.key],
      ['TargetLibrary', d.targetLibraries[0]!.id, d.targetLibraries[0]!.key],
      ['Project', d.enterprise.projects[0]!.id, d.enterprise.projects[0]!.key],
      ['KpiTarget', d.region.kpiTargets[0]!.id, d.region.kpiTargets[0]!.key],
    ];
    for (const [type, id, key] of samples) {
      expect(id).toBe(toGlobalId(type, key));
      const n = await data<{ node: { __typename: string; id: string; key?: string; code?: string } }>(
        api,
        NODE,
        { id },
      );
      expect(n.node, type).toEqual({
        __typename: type,
        id,
        ...(type === 'Region' ? { code: key } : { key }),
      });
    }
  });

  it('fetches several at once, batched per type, null where missing', async () => {
    const ids = [
      toGlobalId('Enterprise', 'e-catl'),
      toGlobalId('Enterprise', 'gone'),
      toGlobalId('Link', 'nev.cell'),
      toGlobalId('Enterprise', 'e-wh-car'),
    ];
    const d = await data<{ nodes: ({ __typename: string } | null)[] }>(
      api,
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Enterprise { key } ... on Link { key } } }`,
      { ids },
    );
    expect(d.nodes).toEqual([
      { __typename: 'Enterprise', key: 'e-catl' },
      null,
      { __typename: 'Link', key: 'nev.cell' },
      { __typename: 'Enterprise', key: 'e-wh-car' },
    ]);
    expect(
      api
        .lastQueries()
        .map((q) => q.name)
        .sort(),
    ).toEqual(['enterprisesById', 'linksById']);
  });

  it('returns null for a deleted entity and BAD_USER_INPUT for what is not a global id', async () => {
    expect(await data(api, NODE, { id: toGlobalId('Chain', 'gone') })).toEqual({ node: null });
    for (const id of ['e-catl', toGlobalId('Nonsense', 'x'), '!!']) {
      const e = await error(api, NODE, { id });
      expect(e.extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });
});
