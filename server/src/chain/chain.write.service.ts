import { badInput, conflict, notFound } from '../core/errors.js';
import { defineMutation, lockVersion, newId, requireNew, requireRefs } from '../core/mutation.js';
import { patchProps } from '../core/mutation.store.js';
import { deletion } from '../core/mutation.type.js';
import {
  CreateChainSchema,
  CreateLinkSchema,
  DeleteChainSchema,
  DeleteLinkSchema,
  LinkSuppliesSchema,
  UpdateChainSchema,
  UpdateLinkSchema,
} from './chain.input.js';
import {
  addSuppliesEdge,
  chainDependants,
  createChainNode,
  createLinkNode,
  deleteChainNode,
  deleteLinkNode,
  linkContext,
  linkDependants,
  removeSuppliesEdge,
  updateChainNode,
  updateLinkNode,
} from './chain.write.store.js';

// The rules of editing chains and links. Each export is one mutation, run by core/mutation.ts.

const list = (ids: string[]) => ids.map((i) => JSON.stringify(i)).join(', ');

export const createChain = defineMutation({
  name: 'createChain',
  entity: 'Chain',
  changes: ['chains'],
  schema: CreateChainSchema,
  id: (i) => i.id,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, i) {
    await requireNew(tx, 'Chain', i.id);
    const { record, after } = await createChainNode(tx, i.id, {
      name: i.name,
      description: i.description ?? null,
    });
    return { result: record, before: null, after };
  },
});

export const updateChain = defineMutation({
  name: 'updateChain',
  entity: 'Chain',
  changes: ['chains'],
  schema: UpdateChainSchema,
  id: (i) => i.id,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, { id, version, ...patch }) {
    const before = await lockVersion(tx, 'Chain', id, version);
    const { record, after } = await updateChainNode(tx, id, patchProps(patch));
    return { result: record, before, after };
  },
});

export const deleteChain = defineMutation({
  name: 'deleteChain',
  entity: 'Chain',
  changes: ['chains', 'enterprises', 'organisation', 'pipeline', 'tracking'],
  schema: DeleteChainSchema,
  id: (i) => i.id,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, { id, version, cascade }) {
    const before = await lockVersion(tx, 'Chain', id, version);
    const deps = await chainDependants(tx, id);
    if (deps.taskForces.length) {
      throw conflict(
        `Chain "${id}" has task forces (${list(deps.taskForces)}): delete them or move them to another chain first`,
        { id, taskForces: deps.taskForces },
      );
    }
    if (deps.projects.length) {
      throw conflict(
        `Links of chain "${id}" are filled by projects (${list(deps.projects)}): change or delete those projects first`,
        { id, projects: deps.projects },
      );
    }
    if (deps.links > 0 && !cascade) {
      throw conflict(
        `Chain "${id}" has ${deps.links} links: delete them first, or pass cascade: true to delete them with it`,
        { id, links: deps.links, field: 'input.cascade' },
      );
    }
    const removed = await deleteChainNode(tx, id);
    return { result: deletion('Chain', id, removed), before, after: null };
  },
});

export const createLink = defineMutation({
  name: 'createLink',
  entity: 'Link',
  changes: ['chains'],
  schema: CreateLinkSchema.transform((i) => ({ ...i, id: i.id ?? newId(i.chainId, '.') })),
  id: (i) => i.id,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, i) {
    await requireRefs(tx, [
      { type: 'Chain', key: i.chainId, field: 'input.chainId' },
      ...(i.parentId ? [{ type: 'Link' as const, key: i.parentId, field: 'input.parentId' }] : []),
    ]);
    await requireNew(tx, 'Link', i.id);
    if (i.parentId) {
      const parent = await linkContext(tx, i.parentId);
      if (parent?.chainId !== i.chainId) {
        throw badInput(
          `parent link "${i.parentId}" is on chain "${parent?.chainId}", not "${i.chainId}"`,
          'input.parentId',
        );
      }
    }
    const { record, after } = await createLinkNode(tx, {
      id: i.id,
      chainId: i.chainId,
      parentId: i.parentId ?? null,
      props: {
        name: i.name,
        stage: i.stage,
        key: i.isKey,
        description: i.description ?? null,
        shenwan: i.shenwan,
        gbt4754: i.gbt4754,
      },
    });
    return { result: record, before: null, after };
  },
});

export const updateLink = defineMutation({
  name: 'updateLink',
  entity: 'Link',
  changes: ['chains'],
  schema: UpdateLinkSchema,
  id: (i) => i.id,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, { id, version, isKey, parentId, ...patch }) {
    const before = await lockVersion(tx, 'Link', id, version);
    const setParent = parentId !== undefined;
    if (parentId) {
      if (parentId === id) throw badInput('a link cannot be its own parent', 'input.parentId');
      const [self, parent] = [await linkContext(tx, id), await linkContext(tx, parentId)];
      if (!parent) throw notFound('Link', parentId, { field: 'input.parentId' });
      if (parent.chainId !== self?.chainId) {
        throw badInput(
          `parent link "${parentId}" is on chain "${parent.chainId}", not "${self?.chainId}"`,
          'input.parentId',
        );
      }
      if (self?.descendants.includes(parentId)) {
        throw badInput(`"${parentId}" is a sub-link of "${id}": that would make a cycle`, 'input.parentId');
      }
    }
    const { record, after } = await updateLinkNode(tx, {
      id,
      props: patchProps({ ...patch, key: isKey }),
      setParent,
      parentId: parentId ?? null,
      setShenwan: patch.shenwan !== undefined,
    });
    return { result: record, before, after };
  },
});

export const deleteLink = defineMutation({
  name: 'deleteLink',
  entity: 'Link',
  changes: ['chains', 'enterprises', 'pipeline'],
  schema: DeleteLinkSchema,
  id: (i) => i.id,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, { id, version, cascade }) {
    const before = await lockVersion(tx, 'Link', id, version);
    const deps = await linkDependants(tx, id);
    if (deps.projects.length) {
      throw conflict(
        `Link "${id}" (or a sub-link) is filled by projects (${list(deps.projects)}): change or delete those projects first`,
        { id, projects: deps.projects },
      );
    }
    if (deps.subLinks > 0 && !cascade) {
      throw conflict(
        `Link "${id}" has ${deps.subLinks} sub-links: delete them first, or pass cascade: true to delete them with it`,
        { id, subLinks: deps.subLinks, field: 'input.cascade' },
      );
    }
    const removed = await deleteLinkNode(tx, id);
    return { result: deletion('Link', id, removed), before, after: null };
  },
});

export const addSupplies = defineMutation({
  name: 'addSupplies',
  entity: 'Supplies',
  changes: ['chains'],
  schema: LinkSuppliesSchema,
  id: (i) => `${i.fromId}->${i.toId}`,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, { fromId, toId }) {
    await requireRefs(tx, [
      { type: 'Link', key: fromId, field: 'input.fromId' },
      { type: 'Link', key: toId, field: 'input.toId' },
    ]);
    const { created, link, after } = await addSuppliesEdge(tx, fromId, toId);
    if (!created) {
      throw conflict(`Link "${fromId}" already supplies "${toId}"`, { fromId, toId });
    }
    return { result: link, before: null, after };
  },
});

export const removeSupplies = defineMutation({
  name: 'removeSupplies',
  entity: 'Supplies',
  changes: ['chains'],
  schema: LinkSuppliesSchema,
  id: (i) => `${i.fromId}->${i.toId}`,
  access: { group: 'catalog', targets: () => [] },
  async write(tx, { fromId, toId }) {
    await requireRefs(tx, [{ type: 'Link', key: fromId, field: 'input.fromId' }]);
    const { removed, link, before } = await removeSuppliesEdge(tx, fromId, toId);
    if (!removed) {
      throw notFound('Supplies', `${fromId}->${toId}`, { field: 'input.toId' });
    }
    return { result: link, before, after: null };
  },
});
