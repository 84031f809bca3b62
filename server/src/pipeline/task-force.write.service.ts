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
import {
  CreatePersonSchema,
  CreateTaskForceSchema,
  DeletePersonSchema,
  DeleteTaskForceSchema,
  SetChainLeaderSchema,
  TaskForceMemberSchema,
  UpdatePersonSchema,
  UpdateTaskForceSchema,
} from './task-force.input.js';
import {
  addTaskForceMemberEdge,
  createPersonNode,
  createTaskForceNode,
  deletePersonNode,
  deleteTaskForceNode,
  personLedTaskForces,
  removeTaskForceMemberEdge,
  setTaskForceLeader,
  taskForceDependants,
  updatePersonNode,
  updateTaskForceNode,
} from './task-force.write.store.js';
import { target } from '../auth/write-scope.store.js';

// The rules of editing people, task forces, their chain leaders and members.

const quoted = (ids: string[]) => ids.map((i) => JSON.stringify(i)).join(', ');

export const createPerson = defineMutation({
  name: 'createPerson',
  entity: 'Person',
  changes: ['organisation'],
  schema: CreatePersonSchema.transform((i) => ({ ...i, id: i.id ?? newId('p') })),
  id: (i) => i.id,
  access: { group: 'contacts', targets: () => [] },
  async write(tx, { id, ...props }) {
    await requireNew(tx, 'Person', id);
    const { record, after } = await createPersonNode(tx, id, patchProps(props));
    return { result: record, before: null, after };
  },
});

export const updatePerson = defineMutation({
  name: 'updatePerson',
  entity: 'Person',
  changes: ['organisation'],
  schema: UpdatePersonSchema,
  id: (i) => i.id,
  access: { group: 'contacts', targets: (i) => target('Person', i.id, 'input.id') },
  async write(tx, { id, version, ...patch }) {
    const before = await lockVersion(tx, 'Person', id, version);
    const { record, after } = await updatePersonNode(tx, id, patchProps(patch));
    return { result: record, before, after };
  },
});

export const deletePerson = defineMutation({
  name: 'deletePerson',
  entity: 'Person',
  changes: ['organisation', 'tracking'],
  schema: DeletePersonSchema,
  id: (i) => i.id,
  access: { group: 'contacts', targets: (i) => target('Person', i.id, 'input.id') },
  async write(tx, { id, version }) {
    const before = await lockVersion(tx, 'Person', id, version);
    const leads = await personLedTaskForces(tx, id);
    if (leads.length) {
      throw conflict(
        `Person "${id}" leads task forces (${quoted(leads)}): set another chain leader for them first`,
        { id, taskForces: leads },
      );
    }
    await deletePersonNode(tx, id);
    return { result: deletion('Person', id), before, after: null };
  },
});

export const createTaskForce = defineMutation({
  name: 'createTaskForce',
  entity: 'TaskForce',
  changes: ['organisation'],
  schema: CreateTaskForceSchema.transform((i) => ({ ...i, id: i.id ?? newId('tf') })),
  id: (i) => i.id,
  access: {
    group: 'taskForces',
    targets: (i) => [
      ...target('Region', i.regionCode, 'input.regionCode'),
      ...target('Person', i.leaderId, 'input.leaderId'),
      ...(i.memberIds ?? []).flatMap((m, n) => target('Person', m, `input.memberIds.${n}`)),
    ],
  },
  async write(tx, { id, chainId, regionCode, leaderId, memberIds, ...props }) {
    await requireRefs(tx, [
      { type: 'Chain', key: chainId, field: 'input.chainId' },
      { type: 'Region', key: regionCode, field: 'input.regionCode' },
      ...(leaderId ? [{ type: 'Person' as const, key: leaderId, field: 'input.leaderId' }] : []),
      ...memberIds.map((m, n) => ({ type: 'Person' as const, key: m, field: `input.memberIds.${n}` })),
    ]);
    await requireNew(tx, 'TaskForce', id);
    const { record, after } = await createTaskForceNode(tx, {
      id,
      chainId,
      regionCode,
      leaderId: leaderId ?? null,
      memberIds,
      props: patchProps(props),
    });
    return { result: record, before: null, after };
  },
});

export const updateTaskForce = defineMutation({
  name: 'updateTaskForce',
  entity: 'TaskForce',
  changes: ['organisation'],
  schema: UpdateTaskForceSchema,
  id: (i) => i.id,
  access: {
    group: 'taskForces',
    targets: (i) => [
      ...target('TaskForce', i.id, 'input.id'),
      ...target('Region', i.regionCode, 'input.regionCode'),
    ],
  },
  async write(tx, { id, version, chainId, regionCode, ...patch }) {
    const before = await lockVersion(tx, 'TaskForce', id, version);
    await requireRefs(tx, [
      ...(chainId ? [{ type: 'Chain' as const, key: chainId, field: 'input.chainId' }] : []),
      ...(regionCode ? [{ type: 'Region' as const, key: regionCode, field: 'input.regionCode' }] : []),
    ]);
    const { record, after } = await updateTaskForceNode(tx, {
      id,
      props: patchProps(patch),
      chainId: chainId ?? null,
      regionCode: regionCode ?? null,
    });
    return { result: record, before, after };
  },
});

export const deleteTaskForce = defineMutation({
  name: 'deleteTaskForce',
  entity: 'TaskForce',
  changes: ['organisation', 'pipeline', 'tracking'],
  schema: DeleteTaskForceSchema,
  id: (i) => i.id,
  access: { group: 'taskForces', targets: (i) => target('TaskForce', i.id, 'input.id') },
  async write(tx, { id, version, cascade }) {
    const before = await lockVersion(tx, 'TaskForce', id, version);
    const deps = await taskForceDependants(tx, id);
    if (deps.projects.length) {
      throw conflict(
        `Task force "${id}" handles projects (${quoted(deps.projects)}): hand them to another task force or delete them first`,
        { id, projects: deps.projects },
      );
    }
    if (deps.libraries.length && !cascade) {
      throw conflict(
        `Task force "${id}" owns target libraries (${quoted(deps.libraries)}): delete them first, or pass cascade: true to delete them with it`,
        { id, libraries: deps.libraries, field: 'input.cascade' },
      );
    }
    const removed = await deleteTaskForceNode(tx, id);
    return { result: deletion('TaskForce', id, removed), before, after: null };
  },
});

export const setChainLeader = defineMutation({
  name: 'setChainLeader',
  entity: 'TaskForce',
  changes: ['organisation'],
  schema: SetChainLeaderSchema,
  id: (i) => i.taskForceId,
  access: {
    group: 'taskForces',
    targets: (i) => [
      ...target('TaskForce', i.taskForceId, 'input.taskForceId'),
      ...target('Person', i.personId, 'input.personId'),
    ],
  },
  async write(tx, { taskForceId, personId, version }) {
    const before = await lockVersion(tx, 'TaskForce', taskForceId, version, 'input.taskForceId');
    await requireRefs(tx, [{ type: 'Person', key: personId, field: 'input.personId' }]);
    const { record, previous, after } = await setTaskForceLeader(tx, taskForceId, personId);
    return {
      result: record,
      before: { ...before, leaderId: previous[0] ?? null },
      after: { ...after, leaderId: personId },
    };
  },
});

type Membership = { taskForceId: string; personId: string };
const memberRefs = (i: Membership) => [
  { type: 'TaskForce' as const, key: i.taskForceId, field: 'input.taskForceId' },
  { type: 'Person' as const, key: i.personId, field: 'input.personId' },
];
const memberId = (i: Membership) => `${i.personId}->${i.taskForceId}`;
/** Both the task force and the person must lie within the writer's scope. */
const memberAccess: WriteAccess<Membership> = { group: 'contacts', targets: memberRefs };

export const addTaskForceMember = defineMutation({
  name: 'addTaskForceMember',
  entity: 'TaskForceMember',
  changes: ['organisation'],
  schema: TaskForceMemberSchema,
  id: memberId,
  access: memberAccess,
  async write(tx, i) {
    await requireRefs(tx, memberRefs(i));
    const { created, record } = await addTaskForceMemberEdge(tx, i.taskForceId, i.personId);
    if (!created) {
      throw conflict(`Person "${i.personId}" is a member of "${i.taskForceId}" already`, { ...i });
    }
    return { result: record, before: null, after: { ...i } };
  },
});

export const removeTaskForceMember = defineMutation({
  name: 'removeTaskForceMember',
  entity: 'TaskForceMember',
  changes: ['organisation'],
  schema: TaskForceMemberSchema,
  id: memberId,
  access: memberAccess,
  async write(tx, i) {
    await requireRefs(tx, memberRefs(i));
    const { removed, record } = await removeTaskForceMemberEdge(tx, i.taskForceId, i.personId);
    if (!removed) {
      throw notFound('TaskForceMember', memberId(i), { field: 'input.personId' });
    }
    return { result: record, before: { ...i }, after: null };
  },
});
