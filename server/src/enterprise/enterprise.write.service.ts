import type { Tx } from '@chainmap/graph';
import { conflict, notFound } from '../core/errors.js';
import {
  defineMutation,
  lockVersion,
  newId,
  requireNew,
  requireRefs,
  type WriteAccess,
} from '../core/mutation.js';
import { patchProps } from '../core/mutation.store.js';
import { deletion } from '../core/mutation.type.js';
import { pinyinInitials } from '../search/pinyin.js';
import {
  AssignEnterpriseSchema,
  CreateEnterpriseSchema,
  DeleteEnterpriseSchema,
  EnterpriseRelationKeySchema,
  EnterpriseRelationSchema,
  UnassignEnterpriseSchema,
  UpdateEnterpriseSchema,
} from './enterprise.input.js';
import {
  addTie,
  assignEnterprise,
  createEnterpriseNode,
  deleteEnterpriseNode,
  enterpriseProjectIds,
  keyHolders,
  regionLocation,
  removeTie,
  unassignEnterprise,
  updateEnterpriseNode,
  updateTie,
  type Location,
} from './enterprise.write.store.js';
import { target } from '../auth/write-scope.store.js';

// The rules of editing enterprises. Each export is one mutation, run by core/mutation.ts.

/** Refuse a stock or credit code another firm holds (CONFLICT naming that firm). */
async function requireFreeCodes(
  tx: Tx,
  id: string,
  codes: { stockCode?: string | null; creditCode?: string | null },
): Promise<void> {
  if (!codes.stockCode && !codes.creditCode) return;
  const holders = await keyHolders(tx, id, codes);
  for (const field of ['stockCode', 'creditCode'] as const) {
    const holder = holders[field];
    if (holder) {
      throw conflict(`${field} ${codes[field]} is already used by enterprise "${holder}"`, {
        field: `input.${field}`,
        holderId: holder,
      });
    }
  }
}

/** The region's denormalised location; NOT_FOUND (on `input.regionCode`) when it does not exist. */
async function locate(tx: Tx, regionCode: string): Promise<Location> {
  const loc = await regionLocation(tx, regionCode);
  if (!loc) throw notFound('Region', regionCode, { field: 'input.regionCode' });
  return loc;
}

/** Pinyin initials of the name, stored for search by `xn`-style queries (search/pinyin.ts). */
const initialsOf = (name: string) => pinyinInitials(name)[0] ?? null;

export const createEnterprise = defineMutation({
  name: 'createEnterprise',
  entity: 'Enterprise',
  changes: ['enterprises', 'locations'],
  firms: (i) => [i.id],
  schema: CreateEnterpriseSchema.transform((i) => ({ ...i, id: i.id ?? newId('ent') })),
  id: (i) => i.id,
  access: { group: 'enterprises', targets: (i) => target('Region', i.regionCode, 'input.regionCode') },
  async write(tx, { id, regionCode, ...i }) {
    await requireNew(tx, 'Enterprise', id);
    const loc = regionCode ? await locate(tx, regionCode) : null;
    if (i.industryCode)
      await requireRefs(tx, [{ type: 'Industry', key: i.industryCode, field: 'input.industryCode' }]);
    await requireFreeCodes(tx, id, i);
    const { record, after } = await createEnterpriseNode(
      tx,
      id,
      { ...patchProps(i, ['employees']), pinyinInitials: initialsOf(i.name) },
      loc,
    );
    return { result: record, before: null, after };
  },
});

export const updateEnterprise = defineMutation({
  name: 'updateEnterprise',
  entity: 'Enterprise',
  // A move (a new regionCode) changes where the firm is, which the regions' tie counts depend on.
  changes: (i) => (i.regionCode !== undefined ? ['enterprises', 'locations'] : ['enterprises']),
  firms: (i) => [i.id],
  schema: UpdateEnterpriseSchema,
  id: (i) => i.id,
  access: {
    group: 'enterprises',
    targets: (i) => [
      ...target('Enterprise', i.id, 'input.id'),
      ...target('Region', i.regionCode, 'input.regionCode'),
    ],
  },
  async write(tx, { id, version, regionCode, ...patch }) {
    const before = await lockVersion(tx, 'Enterprise', id, version);
    const loc = regionCode ? await locate(tx, regionCode) : null;
    if (patch.industryCode) {
      await requireRefs(tx, [{ type: 'Industry', key: patch.industryCode, field: 'input.industryCode' }]);
    }
    await requireFreeCodes(tx, id, patch);
    const { record, after } = await updateEnterpriseNode(tx, {
      id,
      props: {
        ...patchProps(patch, ['employees']),
        ...(patch.name ? { pinyinInitials: initialsOf(patch.name) } : {}),
      },
      setRegion: regionCode !== undefined,
      loc,
      setIndustry: patch.industryCode !== undefined,
    });
    return { result: record, before, after };
  },
});

export const deleteEnterprise = defineMutation({
  name: 'deleteEnterprise',
  entity: 'Enterprise',
  changes: ['enterprises', 'locations', 'ties', 'pipeline', 'tracking'],
  firms: (i) => [i.id],
  schema: DeleteEnterpriseSchema,
  id: (i) => i.id,
  access: { group: 'enterprises', targets: (i) => target('Enterprise', i.id, 'input.id') },
  async write(tx, { id, version }) {
    const before = await lockVersion(tx, 'Enterprise', id, version);
    const projects = await enterpriseProjectIds(tx, id);
    if (projects.length) {
      throw conflict(
        `Enterprise "${id}" is the investor of projects (${projects.map((p) => JSON.stringify(p)).join(', ')}): delete those projects or give them another enterprise first`,
        { id, projects },
      );
    }
    await deleteEnterpriseNode(tx, id);
    return { result: deletion('Enterprise', id), before, after: null };
  },
});

export const assignEnterpriseToLink = defineMutation({
  name: 'assignEnterpriseToLink',
  entity: 'OperatesIn',
  changes: ['enterprises'],
  firms: (i) => [i.enterpriseId],
  schema: AssignEnterpriseSchema,
  id: (i) => `${i.enterpriseId}->${i.linkId}`,
  access: {
    group: 'enterprises',
    targets: (i) => target('Enterprise', i.enterpriseId, 'input.enterpriseId'),
  },
  async write(tx, i) {
    await requireRefs(tx, [
      { type: 'Enterprise', key: i.enterpriseId, field: 'input.enterpriseId' },
      { type: 'Link', key: i.linkId, field: 'input.linkId' },
    ]);
    const { record, before, after } = await assignEnterprise(tx, i);
    return { result: record, before, after };
  },
});

export const unassignEnterpriseFromLink = defineMutation({
  name: 'unassignEnterpriseFromLink',
  entity: 'OperatesIn',
  changes: ['enterprises'],
  firms: (i) => [i.enterpriseId],
  schema: UnassignEnterpriseSchema,
  id: (i) => `${i.enterpriseId}->${i.linkId}`,
  access: {
    group: 'enterprises',
    targets: (i) => target('Enterprise', i.enterpriseId, 'input.enterpriseId'),
  },
  async write(tx, i) {
    await requireRefs(tx, [
      { type: 'Enterprise', key: i.enterpriseId, field: 'input.enterpriseId' },
      { type: 'Link', key: i.linkId, field: 'input.linkId' },
    ]);
    const { record, before } = await unassignEnterprise(tx, i);
    if (!before) {
      throw notFound('OperatesIn', `${i.enterpriseId}->${i.linkId}`, { field: 'input.linkId' });
    }
    return { result: record, before, after: null };
  },
});

type TieKey = { fromId: string; toId: string; type: string };
const tieRefs = (i: Omit<TieKey, 'type'>) => [
  { type: 'Enterprise' as const, key: i.fromId, field: 'input.fromId' },
  { type: 'Enterprise' as const, key: i.toId, field: 'input.toId' },
];
const tieId = (i: TieKey) => `${i.fromId}-${i.type}->${i.toId}`;
/** Either end within the writer's region will do: a local firm's supplier may be anywhere. */
const tieAccess: WriteAccess<TieKey> = {
  group: 'enterprises',
  targets: (i) => tieRefs(i).map((r) => ({ ...r, anyOf: 'ends' })),
};

export const addEnterpriseRelation = defineMutation({
  name: 'addEnterpriseRelation',
  entity: 'EnterpriseRelation',
  changes: ['ties'],
  schema: EnterpriseRelationSchema,
  id: tieId,
  access: tieAccess,
  async write(tx, i) {
    await requireRefs(tx, tieRefs(i));
    const { created, record, after } = await addTie(tx, i);
    if (!created) {
      throw conflict(`"${i.fromId}" ${i.type} "${i.toId}" is recorded already; update it instead`, {
        fromId: i.fromId,
        toId: i.toId,
        type: i.type,
      });
    }
    return { result: record, before: null, after };
  },
});

export const updateEnterpriseRelation = defineMutation({
  name: 'updateEnterpriseRelation',
  entity: 'EnterpriseRelation',
  changes: ['ties'],
  schema: EnterpriseRelationSchema,
  id: tieId,
  access: tieAccess,
  async write(tx, i) {
    await requireRefs(tx, tieRefs(i));
    const { record, before, after } = await updateTie(tx, i);
    if (!before) throw notFound('EnterpriseRelation', tieId(i), { field: 'input.toId' });
    return { result: record, before, after };
  },
});

export const removeEnterpriseRelation = defineMutation({
  name: 'removeEnterpriseRelation',
  entity: 'EnterpriseRelation',
  changes: ['ties'],
  schema: EnterpriseRelationKeySchema,
  id: tieId,
  access: tieAccess,
  async write(tx, i) {
    await requireRefs(tx, tieRefs(i));
    const { record, before } = await removeTie(tx, i);
    if (!before) throw notFound('EnterpriseRelation', tieId(i), { field: 'input.toId' });
    return { result: record, before, after: null };
  },
});
