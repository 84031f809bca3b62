import { conflict, notFound } from '../core/errors.js';
import { defineMutation, lockVersion, requireNew } from '../core/mutation.js';
import { lockNode, patchProps } from '../core/mutation.store.js';
import { deletion } from '../core/mutation.type.js';
import { DeleteKpiTargetSchema, KPI_COUNTS, SetKpiTargetSchema } from './kpi.input.js';
import {
  createKpiTargetNode,
  deleteKpiTargetNode,
  kpiTargetOf,
  updateKpiTargetNode,
} from './kpi.write.store.js';
import { target } from '../auth/write-scope.store.js';

// The rules of setting KPI targets: one set per region and year, edited with its version.

export const setKpiTarget = defineMutation({
  name: 'setKpiTarget',
  entity: 'KpiTarget',
  changes: ['tracking'],
  schema: SetKpiTargetSchema,
  id: (i) => `${i.regionCode}/${i.year}`,
  access: { group: 'kpiTargets', targets: (i) => target('Region', i.regionCode, 'input.regionCode') },
  async write(tx, { regionCode, year, version, ...metrics }) {
    const existing = await kpiTargetOf(tx, regionCode, year);
    if (existing === undefined) throw notFound('Region', regionCode, { field: 'input.regionCode' });
    const props = patchProps(metrics, KPI_COUNTS);
    if (existing === null) {
      if (version != null) {
        throw conflict(`Region ${regionCode} has no targets for ${year} any more (they were deleted)`, {
          field: 'input.version',
          currentVersion: null,
        });
      }
      const id = `kpi-${regionCode}-${year}`;
      await requireNew(tx, 'KpiTarget', id, 'input.year');
      const { record, after } = await createKpiTargetNode(tx, { id, regionCode, year, props });
      return { result: record, before: null, after, id };
    }
    if (version == null) {
      const current = (await lockNode(tx, 'KpiTarget', existing))?.version ?? null;
      throw conflict(
        `Region ${regionCode} has targets for ${year} already (${existing}, version ${current}): pass the version you read to change them`,
        { field: 'input.version', id: existing, currentVersion: current },
      );
    }
    const before = await lockVersion(tx, 'KpiTarget', existing, version);
    const { record, after } = await updateKpiTargetNode(tx, existing, props);
    return { result: record, before, after, id: existing };
  },
});

export const deleteKpiTarget = defineMutation({
  name: 'deleteKpiTarget',
  entity: 'KpiTarget',
  changes: ['tracking'],
  schema: DeleteKpiTargetSchema,
  id: (i) => i.id,
  access: { group: 'kpiTargets', targets: (i) => target('KpiTarget', i.id, 'input.id') },
  async write(tx, { id, version }) {
    const before = await lockVersion(tx, 'KpiTarget', id, version);
    await deleteKpiTargetNode(tx, id);
    return { result: deletion('KpiTarget', id), before, after: null };
  },
});
