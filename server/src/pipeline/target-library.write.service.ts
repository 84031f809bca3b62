import { conflict, notFound } from '../core/errors.js';
import { defineMutation, lockVersion, newId, requireNew, requireRefs } from '../core/mutation.js';
import { patchProps } from '../core/mutation.store.js';
import { deletion } from '../core/mutation.type.js';
import {
  AddLibraryEntrySchema,
  CreateTargetLibrarySchema,
  DeleteTargetLibrarySchema,
  RemoveLibraryEntrySchema,
  UpdateLibraryEntrySchema,
  UpdateTargetLibrarySchema,
} from './target-library.input.js';
import {
  addEntry,
  createLibraryNode,
  deleteLibraryNode,
  removeEntry,
  updateEntry,
  updateLibraryNode,
} from './target-library.write.store.js';
import { target } from '../auth/write-scope.store.js';

// The rules of editing target libraries and their entries.

const entryId = (i: { libraryId: string; enterpriseId: string }) => `${i.libraryId}/${i.enterpriseId}`;

export const createTargetLibrary = defineMutation({
  name: 'createTargetLibrary',
  entity: 'TargetLibrary',
  changes: ['pipeline'],
  schema: CreateTargetLibrarySchema.transform((i) => ({ ...i, id: i.id ?? newId('tl') })),
  id: (i) => i.id,
  access: { group: 'libraries', targets: (i) => target('TaskForce', i.taskForceId, 'input.taskForceId') },
  async write(tx, i) {
    await requireRefs(tx, [{ type: 'TaskForce', key: i.taskForceId, field: 'input.taskForceId' }]);
    await requireNew(tx, 'TargetLibrary', i.id);
    const { record, after } = await createLibraryNode(tx, i);
    return { result: record, before: null, after };
  },
});

export const updateTargetLibrary = defineMutation({
  name: 'updateTargetLibrary',
  entity: 'TargetLibrary',
  changes: ['pipeline'],
  schema: UpdateTargetLibrarySchema,
  id: (i) => i.id,
  access: {
    group: 'libraries',
    targets: (i) => [
      ...target('TargetLibrary', i.id, 'input.id'),
      ...target('TaskForce', i.taskForceId, 'input.taskForceId'),
    ],
  },
  async write(tx, { id, version, taskForceId, ...patch }) {
    const before = await lockVersion(tx, 'TargetLibrary', id, version);
    if (taskForceId) {
      await requireRefs(tx, [{ type: 'TaskForce', key: taskForceId, field: 'input.taskForceId' }]);
    }
    const { record, after } = await updateLibraryNode(tx, {
      id,
      props: patchProps(patch),
      taskForceId: taskForceId ?? null,
    });
    return { result: record, before, after };
  },
});

export const deleteTargetLibrary = defineMutation({
  name: 'deleteTargetLibrary',
  entity: 'TargetLibrary',
  changes: ['pipeline'],
  schema: DeleteTargetLibrarySchema,
  id: (i) => i.id,
  access: { group: 'libraries', targets: (i) => target('TargetLibrary', i.id, 'input.id') },
  async write(tx, { id, version }) {
    const before = await lockVersion(tx, 'TargetLibrary', id, version);
    await deleteLibraryNode(tx, id);
    return { result: deletion('TargetLibrary', id), before, after: null };
  },
});

export const addLibraryEntry = defineMutation({
  name: 'addLibraryEntry',
  entity: 'LibraryEntry',
  changes: ['pipeline'],
  schema: AddLibraryEntrySchema,
  id: entryId,
  access: {
    group: 'libraries',
    targets: (i) => [
      ...target('TargetLibrary', i.libraryId, 'input.libraryId'),
      ...target('Person', i.ownerId, 'input.ownerId'),
    ],
  },
  async write(tx, i, meta) {
    await requireRefs(tx, [
      { type: 'TargetLibrary', key: i.libraryId, field: 'input.libraryId' },
      { type: 'Enterprise', key: i.enterpriseId, field: 'input.enterpriseId' },
      ...(i.ownerId ? [{ type: 'Person' as const, key: i.ownerId, field: 'input.ownerId' }] : []),
    ]);
    const { created, record, after } = await addEntry(tx, {
      ...i,
      ownerId: i.ownerId ?? null,
      today: meta.today,
    });
    if (!created) {
      throw conflict(`Enterprise "${i.enterpriseId}" is in library "${i.libraryId}" already`, {
        field: 'input.enterpriseId',
        libraryId: i.libraryId,
        enterpriseId: i.enterpriseId,
      });
    }
    return { result: record, before: null, after };
  },
});

export const updateLibraryEntry = defineMutation({
  name: 'updateLibraryEntry',
  entity: 'LibraryEntry',
  changes: ['pipeline'],
  schema: UpdateLibraryEntrySchema,
  id: entryId,
  access: {
    group: 'libraries',
    targets: (i) => [
      ...target('TargetLibrary', i.libraryId, 'input.libraryId'),
      ...target('Person', i.ownerId, 'input.ownerId'),
    ],
  },
  async write(tx, { libraryId, enterpriseId, ...patch }) {
    await requireRefs(tx, [
      { type: 'TargetLibrary', key: libraryId, field: 'input.libraryId' },
      { type: 'Enterprise', key: enterpriseId, field: 'input.enterpriseId' },
      ...(patch.ownerId ? [{ type: 'Person' as const, key: patch.ownerId, field: 'input.ownerId' }] : []),
    ]);
    const updated = await updateEntry(tx, {
      libraryId,
      enterpriseId,
      props: patchProps(patch, ['priority']),
    });
    if (!updated) {
      throw notFound('LibraryEntry', entryId({ libraryId, enterpriseId }), { field: 'input.enterpriseId' });
    }
    return { result: updated.record, before: updated.before, after: updated.after };
  },
});

export const removeLibraryEntry = defineMutation({
  name: 'removeLibraryEntry',
  entity: 'LibraryEntry',
  changes: ['pipeline'],
  schema: RemoveLibraryEntrySchema,
  id: entryId,
  access: { group: 'libraries', targets: (i) => target('TargetLibrary', i.libraryId, 'input.libraryId') },
  async write(tx, i) {
    await requireRefs(tx, [
      { type: 'TargetLibrary', key: i.libraryId, field: 'input.libraryId' },
      { type: 'Enterprise', key: i.enterpriseId, field: 'input.enterpriseId' },
    ]);
    const { record, before } = await removeEntry(tx, i);
    if (!before) throw notFound('LibraryEntry', entryId(i), { field: 'input.enterpriseId' });
    return { result: record, before, after: null };
  },
});
