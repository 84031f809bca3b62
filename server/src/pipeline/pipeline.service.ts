import { z } from 'zod';
import type { Scope } from '../auth/auth.model.js';
import { checkRegionInScope } from '../auth/viewer.js';
import type { Context } from '../core/context.js';
import { toPage, type Page } from '../core/page.js';
import { badInput, fromZod } from '../core/errors.js';
import { decodeCursor, keyOf, pageSize } from '../core/relay.js';
import { ProjectStageModel, type ProjectRecord, type TargetLibraryRecord } from './pipeline.model.js';
import { projectsCount, projectsPage, targetLibraries, type ProjectFilter } from './pipeline.store.js';

const key = z.string().trim().min(1).max(100);
const ProjectFilterModel = z.object({
  regionCode: key.nullish(),
  chainId: key.nullish(),
  stage: ProjectStageModel.nullish(),
});
const LibraryFilterModel = z.object({ regionCode: key.nullish(), chainId: key.nullish() });

/** Project filter arguments as GraphQL hands them over (checked here). */
export interface ProjectFilterArgs {
  regionCode?: string | null;
  chainId?: string | null;
  stage?: string | null;
}

/** A region filter wholly outside the viewer's scope is refused (region codes are public). */
function checkRegion(scope: Scope, regionCode: string | null): void {
  checkRegionInScope(scope, regionCode, 'filter.regionCode');
}

function projectFilter(filter: ProjectFilterArgs | null | undefined): ProjectFilter {
  const parsed = ProjectFilterModel.safeParse({ ...filter });
  if (!parsed.success) throw fromZod(parsed.error, 'filter');
  const f = parsed.data;
  return {
    regionCode: f.regionCode ? keyOf('Region', f.regionCode) : null,
    chainId: f.chainId ? keyOf('Chain', f.chainId) : null,
    stage: f.stage ?? null,
  };
}

/**
 * A page of projects, latest stage move first: one query for the page, one for the total only
 * when `totalCount` is selected (both run together).
 */
export async function projectConnection(
  ctx: Context,
  filter: ProjectFilterArgs | null | undefined,
  args: { first?: number | null; after?: string | null },
  withCount: boolean,
): Promise<Page<ProjectRecord>> {
  const f = projectFilter(filter);
  const scope = await ctx.viewer.scope();
  checkRegion(scope, f.regionCode);
  const first = pageSize(args.first);
  const after = args.after == null ? null : decodeCursor(args.after, 'after');
  if (after && after.v !== null && !(typeof after.v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(after.v))) {
    throw badInput('after is not a project cursor', 'after');
  }
  const [rows, total] = await Promise.all([
    projectsPage(ctx.executor, scope.param, f, after, first + 1),
    withCount ? projectsCount(ctx.executor, scope.param, f) : null,
  ]);
  return toPage(rows, first, after != null, (p) => ({ v: p.stageOn, id: p.key }), total);
}

/** Target libraries of the task forces for a chain and/or in a region (or within it), by name. */
export async function listTargetLibraries(
  ctx: Context,
  filter: z.input<typeof LibraryFilterModel> | null | undefined,
): Promise<TargetLibraryRecord[]> {
  const parsed = LibraryFilterModel.safeParse({ ...filter });
  if (!parsed.success) throw fromZod(parsed.error, 'filter');
  const f = parsed.data;
  const regionCode = f.regionCode ? keyOf('Region', f.regionCode) : null;
  const scope = await ctx.viewer.scope();
  checkRegion(scope, regionCode);
  return targetLibraries(ctx.executor, scope.param, {
    regionCode,
    chainId: f.chainId ? keyOf('Chain', f.chainId) : null,
  });
}

/** A project by id or global id. */
export function projectById(ctx: Context, id: string): Promise<ProjectRecord | null> {
  return ctx.loaders.project.load(keyOf('Project', id));
}
