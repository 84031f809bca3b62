import { target } from '../auth/write-scope.store.js';
import { badInput, conflict, notFound } from '../core/errors.js';
import { defineMutation, lockVersion, newId, requireRefs } from '../core/mutation.js';
import { lockNode, patchProps } from '../core/mutation.store.js';
import { deletion } from '../core/mutation.type.js';
import {
  DeleteContactSchema,
  DUTY_COUNTS,
  LogContactSchema,
  RecordFundsSchema,
  ReviseProjectAmountSchema,
  SetDutyTargetSchema,
} from './contact.input.js';
import {
  createContactNode,
  createDutyTargetNode,
  deleteContactNode,
  dutyTargetOf,
  recordFundsEntry,
  recordInitialAmount,
  reviseAmount,
  updateDutyTargetNode,
} from './contact.write.store.js';

// The rules of the tracking writes. Contacts and funds entries are dated facts: a contact can be
// deleted when logged by mistake; a funds entry is never changed (a negative entry corrects it),
// so a report as of a past date stays what it was.

function notFuture(on: string, today: string, field: string): void {
  if (on > today) throw badInput(`Invalid ${field}: ${on} is in the future (today is ${today})`, field);
}

export const logContact = defineMutation({
  name: 'logContact',
  entity: 'Contact',
  changes: ['tracking'],
  schema: LogContactSchema.transform((i) => ({ ...i, id: newId('ct') })),
  id: (i) => i.id,
  access: { group: 'contacts', targets: (i) => target('TaskForce', i.taskForceId, 'input.taskForceId') },
  async write(tx, { id, taskForceId, personId, enterpriseId, on, tripOut, ...props }, meta) {
    const day = on ?? meta.today;
    notFuture(day, meta.today, 'input.on');
    await requireRefs(tx, [
      { type: 'TaskForce', key: taskForceId, field: 'input.taskForceId' },
      { type: 'Person', key: personId, field: 'input.personId' },
      { type: 'Enterprise', key: enterpriseId, field: 'input.enterpriseId' },
    ]);
    const { record, after } = await createContactNode(tx, {
      id,
      taskForceId,
      personId,
      enterpriseId,
      on: day,
      today: meta.today,
      by: meta.actor,
      props: patchProps({ ...props, tripOut: tripOut ?? false }),
    });
    return { result: record, before: null, after };
  },
});

export const deleteContact = defineMutation({
  name: 'deleteContact',
  entity: 'Contact',
  changes: ['tracking'],
  schema: DeleteContactSchema,
  id: (i) => i.id,
  access: { group: 'contacts', targets: (i) => target('Contact', i.id, 'input.id') },
  async write(tx, { id }) {
    const before = await deleteContactNode(tx, id);
    if (!before) throw notFound('Contact', id, { field: 'input.id' });
    return { result: deletion('Contact', id), before, after: null };
  },
});

export const setDutyTarget = defineMutation({
  name: 'setDutyTarget',
  entity: 'DutyTarget',
  changes: ['organisation'],
  schema: SetDutyTargetSchema,
  id: (i) => `${i.personId}/${i.year}`,
  access: { group: 'taskForces', targets: (i) => target('Person', i.personId, 'input.personId') },
  async write(tx, { personId, year, version, ...duties }) {
    const existing = await dutyTargetOf(tx, personId, year);
    if (existing === undefined) throw notFound('Person', personId, { field: 'input.personId' });
    const props = patchProps(duties, DUTY_COUNTS);
    if (existing === null) {
      if (version != null) {
        throw conflict(`Person ${personId} has no duties for ${year} any more (they were deleted)`, {
          field: 'input.version',
          currentVersion: null,
        });
      }
      const id = `duty-${personId}-${year}`;
      const { record, after } = await createDutyTargetNode(tx, { id, personId, year, props });
      return { result: record, before: null, after, id };
    }
    if (version == null) {
      const current = (await lockNode(tx, 'DutyTarget', existing))?.version ?? null;
      throw conflict(
        `Person ${personId} has duties for ${year} already (${existing}, version ${current}): pass the version you read to change them`,
        { field: 'input.version', id: existing, currentVersion: current },
      );
    }
    const before = await lockVersion(tx, 'DutyTarget', existing, version);
    const { record, after } = await updateDutyTargetNode(tx, existing, props);
    return { result: record, before, after, id: existing };
  },
});

export const recordFunds = defineMutation({
  name: 'recordFunds',
  entity: 'Project',
  changes: ['pipeline'],
  schema: RecordFundsSchema,
  id: (i) => i.projectId,
  access: { group: 'projects', targets: (i) => target('Project', i.projectId, 'input.projectId') },
  async write(tx, { projectId: id, version, on, amount, note }, meta) {
    const day = on ?? meta.today;
    notFuture(day, meta.today, 'input.on');
    const before = await lockVersion(tx, 'Project', id, version, 'input.projectId');
    const { record, after } = await recordFundsEntry(tx, {
      id,
      on: day,
      amount,
      note: note ?? null,
      by: meta.actor,
      today: meta.today,
    });
    return { result: record, before, after };
  },
});

export const reviseProjectAmount = defineMutation({
  name: 'reviseProjectAmount',
  entity: 'Project',
  changes: ['pipeline'],
  schema: ReviseProjectAmountSchema,
  id: (i) => i.projectId,
  access: { group: 'projects', targets: (i) => target('Project', i.projectId, 'input.projectId') },
  async write(tx, { projectId: id, version, amount, on, reason }, meta) {
    const day = on ?? meta.today;
    notFuture(day, meta.today, 'input.on');
    const before = await lockVersion(tx, 'Project', id, version, 'input.projectId');
    // The amount the project had until now becomes its first dated entry, so earlier reports keep it.
    await recordInitialAmount(tx, { id, on: day, reason: null, by: meta.actor });
    const { record, after } = await reviseAmount(tx, {
      id,
      on: day,
      amount,
      reason: reason ?? null,
      by: meta.actor,
    });
    return { result: record, before, after };
  },
});
