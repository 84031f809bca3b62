import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { runMutation } from '../core/mutation.js';
import { Deletion, INPUT_ARG, type DeletionRecord } from '../core/mutation.type.js';
import type { ProjectRecord } from './pipeline.model.js';
import { Project } from './pipeline.type.js';
import {
  CreateProjectInput,
  DeleteProjectInput,
  MoveProjectStageInput,
  UpdateProjectInput,
} from './project.input.js';
import * as write from './project.write.service.js';

@Resolver()
export class ProjectMutationResolver {
  @Mutation(() => Project, {
    description:
      '立项 create a project at 线索 (LEAD), dated today, with its first stage event. Fails as a whole (nothing created) if any reference is unknown.',
  })
  createProject(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateProjectInput, INPUT_ARG) input: CreateProjectInput,
  ): Promise<ProjectRecord> {
    return runMutation(ctx, write.createProject, input);
  }

  @Mutation(() => Project, {
    description:
      'Change a project’s facts and ties (optimistic: pass the version you read). Its stage moves only with `moveProjectStage`.',
  })
  updateProject(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateProjectInput, INPUT_ARG) input: UpdateProjectInput,
  ): Promise<ProjectRecord> {
    return runMutation(ctx, write.updateProject, input);
  }

  @Mutation(() => Deletion, { description: 'Delete a project with its stage history and funds entries.' })
  deleteProject(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteProjectInput, INPUT_ARG) input: DeleteProjectInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteProject, input);
  }

  @Mutation(() => Project, {
    description:
      '推进/终止 move a project along its life cycle: forward one or more stages (skipping ahead is allowed; going back is refused with BAD_USER_INPUT listing the allowed next stages), or to TERMINATED with a reason from any stage that is not final. The move is dated (`on`, default today; not in the future, not before the previous move) and appended to `events`.',
  })
  moveProjectStage(
    @Ctx() ctx: Context,
    @Arg('input', () => MoveProjectStageInput, INPUT_ARG) input: MoveProjectStageInput,
  ): Promise<ProjectRecord> {
    return runMutation(ctx, write.moveProjectStage, input);
  }
}
