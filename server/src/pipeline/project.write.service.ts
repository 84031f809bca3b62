import type { Tx } from '@chainmap/graph';
import { GraphQLError } from 'graphql';
import { ErrorCode, notFound } from '../core/errors.js';
import { defineMutation, lockVersion, newId, requireNew, requireRefs } from '../core/mutation.js';
import { date, patchProps } from '../core/mutation.store.js';
import { deletion } from '../core/mutation.type.js';
import { appendAmount, recordInitialAmount } from './contact.write.store.js';
import { checkMoveDate, checkStageMove, type MoveProblem } from './project-stage.js';
import {
  CreateProjectSchema,
  DeleteProjectSchema,
  MoveProjectStageSchema,
  UpdateProjectSchema,
} from './project.input.js';
import {
  createProjectNode,
  deleteProjectNode,
  moveProjectNode,
  projectStageState,
  setProjectLinks,
  updateProjectNode,
} from './project.write.store.js';
import { target } from '../auth/write-scope.store.js';

// The rules of editing projects (招商项目) and moving them along their life cycle.

/** Point FILLS at `linkIds`; NOT_FOUND (on `input.linkIds.N`) for the first that names no link. */
async function fillLinks(tx: Tx, id: string, linkIds: string[]): Promise<void> {
  const missing = await setProjectLinks(tx, id, linkIds);
  const first = missing[0];
  if (first) {
    throw notFound('Link', first, { field: `input.linkIds.${linkIds.indexOf(first)}`, missing });
  }
}

export const createProject = defineMutation({
  name: 'createProject',
  entity: 'Project',
  changes: ['pipeline'],
  schema: CreateProjectSchema.transform((i) => ({ ...i, id: i.id ?? newId('pj') })),
  id: (i) => i.id,
  access: {
    group: 'projects',
    targets: (i) => [
      ...target('Region', i.regionCode, 'input.regionCode'),
      ...target('TaskForce', i.taskForceId, 'input.taskForceId'),
    ],
  },
  async write(
    tx,
    { id, enterpriseId, regionCode, taskForceId, linkIds, plannedProductionOn, ...props },
    meta,
  ) {
    await requireRefs(tx, [
      { type: 'Enterprise', key: enterpriseId, field: 'input.enterpriseId' },
      { type: 'Region', key: regionCode, field: 'input.regionCode' },
      { type: 'TaskForce', key: taskForceId, field: 'input.taskForceId' },
    ]);
    await requireNew(tx, 'Project', id);
    const { record, after } = await createProjectNode(tx, {
      id,
      enterpriseId,
      regionCode,
      taskForceId,
      props: { ...props, plannedProductionOn: date(plannedProductionOn) },
      today: meta.today,
      by: meta.actor,
    });
    // The amount it is entered with, dated, so a later revision leaves earlier reports as they were.
    await recordInitialAmount(tx, { id, on: meta.today, reason: null, by: meta.actor });
    // The links last: a link that does not exist fails the whole creation, project included.
    await fillLinks(tx, id, linkIds);
    return { result: record, before: null, after: { ...after, linkIds } };
  },
});

export const updateProject = defineMutation({
  name: 'updateProject',
  entity: 'Project',
  changes: ['pipeline'],
  schema: UpdateProjectSchema,
  id: (i) => i.id,
  access: {
    group: 'projects',
    targets: (i) => [
      ...target('Project', i.id, 'input.id'),
      ...target('Region', i.regionCode, 'input.regionCode'),
      ...target('TaskForce', i.taskForceId, 'input.taskForceId'),
    ],
  },
  async write(
    tx,
    { id, version, enterpriseId, regionCode, taskForceId, linkIds, plannedProductionOn, ...patch },
    meta,
  ) {
    const before = await lockVersion(tx, 'Project', id, version);
    const amountChanged = patch.amount !== undefined && patch.amount !== before.amount;
    // A changed amount is dated (today): the old one stays the amount of earlier reports.
    if (amountChanged) await recordInitialAmount(tx, { id, on: meta.today, reason: null, by: meta.actor });
    await requireRefs(tx, [
      ...(enterpriseId
        ? [{ type: 'Enterprise' as const, key: enterpriseId, field: 'input.enterpriseId' }]
        : []),
      ...(regionCode ? [{ type: 'Region' as const, key: regionCode, field: 'input.regionCode' }] : []),
      ...(taskForceId ? [{ type: 'TaskForce' as const, key: taskForceId, field: 'input.taskForceId' }] : []),
    ]);
    const { record, after } = await updateProjectNode(tx, {
      id,
      props: patchProps({
        ...patch,
        plannedProductionOn: plannedProductionOn === undefined ? undefined : date(plannedProductionOn),
      }),
      enterpriseId: enterpriseId ?? null,
      regionCode: regionCode ?? null,
      taskForceId: taskForceId ?? null,
    });
    if (linkIds) await fillLinks(tx, id, linkIds);
    if (amountChanged)
      await appendAmount(tx, { id, on: meta.today, amount: patch.amount!, reason: null, by: meta.actor });
    return { result: record, before, after: linkIds ? { ...after, linkIds } : after };
  },
});

export const deleteProject = defineMutation({
  name: 'deleteProject',
  entity: 'Project',
  changes: ['pipeline'],
  schema: DeleteProjectSchema,
  id: (i) => i.id,
  access: { group: 'projects', targets: (i) => target('Project', i.id, 'input.id') },
  async write(tx, { id, version }) {
    const before = await lockVersion(tx, 'Project', id, version);
    const removed = await deleteProjectNode(tx, id);
    return { result: deletion('Project', id, removed), before, after: null };
  },
});

function refuse(problem: MoveProblem): GraphQLError {
  return new GraphQLError(`Invalid input.${problem.field}: ${problem.message}`, {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      field: `input.${problem.field}`,
      ...(problem.allowed ? { allowedStages: problem.allowed } : {}),
    },
  });
}

export const moveProjectStage = defineMutation({
  name: 'moveProjectStage',
  entity: 'Project',
  changes: ['pipeline'],
  schema: MoveProjectStageSchema,
  id: (i) => i.projectId,
  access: { group: 'projects', targets: (i) => target('Project', i.projectId, 'input.projectId') },
  async write(tx, { projectId: id, stage, on, reason, version }, meta) {
    const before = await lockVersion(tx, 'Project', id, version, 'input.projectId');
    const state = await projectStageState(tx, id);
    const day = on ?? meta.today;
    const problem =
      checkStageMove(state.stage, stage, reason) ?? checkMoveDate(day, state.previousOn, meta.today);
    if (problem) throw refuse(problem);
    const { record, after } = await moveProjectNode(tx, {
      id,
      stage,
      on: day,
      seq: state.lastSeq + 1,
      reason: reason ?? null,
      by: meta.actor,
    });
    return { result: record, before, after };
  },
});
