import type { Executor } from '@chainmap/graph';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PipelineFile } from './schema.js';
import {
  contactsUpsertQ,
  dutyTargetsUpsertQ,
  kpiTargetsUpsertQ,
  missingEnterprisesQ,
  peopleUpsertQ,
  projectsUpsertQ,
  targetLibrariesUpsertQ,
  taskForcesUpsertQ,
} from './pipeline.store.js';

export const PIPELINE_FILE = fileURLToPath(new URL('../../catalog/pipeline.json', import.meta.url));

export interface PipelineSummary {
  people: number;
  taskForces: number;
  libraryEntries: number;
  projects: number;
  kpiTargets: number;
  dutyTargets: number;
  contacts: number;
  /** Enterprises the file names that the graph does not have (their entries/projects are skipped). */
  missingEnterprises: string[];
}

/** Parse and validate the pipeline file; every problem is reported with its path. */
export async function readPipelineFile(file = PIPELINE_FILE): Promise<PipelineFile> {
  const parsed = PipelineFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}

/**
 * Task forces, chain leaders, target libraries, projects with their stage history and funds, and
 * KPI targets for the seed places, written in one transaction (all or nothing). Idempotent.
 */
export async function writePipeline(
  executor: Executor,
  data: PipelineFile,
  importId: string,
): Promise<PipelineSummary> {
  const enterpriseIds = [
    ...new Set([
      ...data.targetLibraries.flatMap((l) => l.entries.map((e) => e.enterpriseId)),
      ...data.projects.map((p) => p.enterpriseId),
      ...data.contacts.map((c) => c.enterpriseId),
    ]),
  ];
  return executor.writeTx('writePipeline', async (tx) => {
    const [missingRow] = await tx.run(missingEnterprisesQ, { ids: enterpriseIds });
    const missing = (missingRow?.missing as string[]) ?? [];
    await tx.run(peopleUpsertQ, { rows: data.people, importId });
    const [tf] = await tx.run(taskForcesUpsertQ, { rows: data.taskForces, importId });
    const [lib] = await tx.run(targetLibrariesUpsertQ, { rows: data.targetLibraries, importId });
    // Every project's amount is dated: the file's revisions, or the amount it has since its first move.
    const projects = data.projects.map((p) => ({
      ...p,
      plannedProductionOn: p.plannedProductionOn ?? null,
      amounts: (p.amounts ?? [{ on: p.history[0]!.on, amount: p.amount }]).map((a) => ({
        reason: null,
        ...a,
      })),
    }));
    const [pj] = await tx.run(projectsUpsertQ, { rows: projects, importId });
    const [kpi] = await tx.run(kpiTargetsUpsertQ, { rows: data.kpiTargets, importId });
    const [duty] = await tx.run(dutyTargetsUpsertQ, { rows: data.dutyTargets, importId });
    const contacts = data.contacts.map((c) => ({ place: null, nextStep: null, ...c }));
    const [ct] = await tx.run(contactsUpsertQ, { rows: contacts, importId });
    return {
      people: data.people.length,
      taskForces: Number(tf?.written ?? 0),
      libraryEntries: Number(lib?.included ?? 0),
      projects: Number(pj?.written ?? 0),
      kpiTargets: Number(kpi?.written ?? 0),
      dutyTargets: Number(duty?.written ?? 0),
      contacts: Number(ct?.written ?? 0),
      missingEnterprises: missing,
    };
  });
}
