import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../core/context.js';
import { runMutation } from '../core/mutation.js';
import { Deletion, INPUT_ARG, type DeletionRecord } from '../core/mutation.type.js';
import type { PersonRecord, TaskForceRecord } from './pipeline.model.js';
import { Person, TaskForce } from './pipeline.type.js';
import {
  CreatePersonInput,
  CreateTaskForceInput,
  DeletePersonInput,
  DeleteTaskForceInput,
  SetChainLeaderInput,
  TaskForceMemberInput,
  UpdatePersonInput,
  UpdateTaskForceInput,
} from './task-force.input.js';
import * as write from './task-force.write.service.js';

@Resolver()
export class TaskForceMutationResolver {
  @Mutation(() => Person, { description: 'Add a person (a chain leader or task-force member).' })
  createPerson(
    @Ctx() ctx: Context,
    @Arg('input', () => CreatePersonInput, INPUT_ARG) input: CreatePersonInput,
  ): Promise<PersonRecord> {
    return runMutation(ctx, write.createPerson, input);
  }

  @Mutation(() => Person, { description: 'Change a person (optimistic: pass the version you read).' })
  updatePerson(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdatePersonInput, INPUT_ARG) input: UpdatePersonInput,
  ): Promise<PersonRecord> {
    return runMutation(ctx, write.updatePerson, input);
  }

  @Mutation(() => Deletion, {
    description: 'Delete a person and their memberships. Refused (CONFLICT) while they lead a task force.',
  })
  deletePerson(
    @Ctx() ctx: Context,
    @Arg('input', () => DeletePersonInput, INPUT_ARG) input: DeletePersonInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deletePerson, input);
  }

  @Mutation(() => TaskForce, {
    description: '成立招商专班 create a task force for a chain in a region, with its leader and members.',
  })
  createTaskForce(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTaskForceInput, INPUT_ARG) input: CreateTaskForceInput,
  ): Promise<TaskForceRecord> {
    return runMutation(ctx, write.createTaskForce, input);
  }

  @Mutation(() => TaskForce, {
    description: 'Change a task force (optimistic: pass the version you read).',
  })
  updateTaskForce(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateTaskForceInput, INPUT_ARG) input: UpdateTaskForceInput,
  ): Promise<TaskForceRecord> {
    return runMutation(ctx, write.updateTaskForce, input);
  }

  @Mutation(() => Deletion, {
    description:
      'Delete a task force. Refused (CONFLICT) while it handles projects, and while it owns libraries unless `cascade: true`.',
  })
  deleteTaskForce(
    @Ctx() ctx: Context,
    @Arg('input', () => DeleteTaskForceInput, INPUT_ARG) input: DeleteTaskForceInput,
  ): Promise<DeletionRecord> {
    return runMutation(ctx, write.deleteTaskForce, input);
  }

  @Mutation(() => TaskForce, {
    description: '链长 set who leads a task force, replacing the current leader (raises its version).',
  })
  setChainLeader(
    @Ctx() ctx: Context,
    @Arg('input', () => SetChainLeaderInput, INPUT_ARG) input: SetChainLeaderInput,
  ): Promise<TaskForceRecord> {
    return runMutation(ctx, write.setChainLeader, input);
  }

  @Mutation(() => TaskForce, {
    description: 'Add a member to a task force. CONFLICT if they are one already.',
  })
  addTaskForceMember(
    @Ctx() ctx: Context,
    @Arg('input', () => TaskForceMemberInput, INPUT_ARG) input: TaskForceMemberInput,
  ): Promise<TaskForceRecord> {
    return runMutation(ctx, write.addTaskForceMember, input);
  }

  @Mutation(() => TaskForce, {
    description: 'Remove a member from a task force. NOT_FOUND if they are not one.',
  })
  removeTaskForceMember(
    @Ctx() ctx: Context,
    @Arg('input', () => TaskForceMemberInput, INPUT_ARG) input: TaskForceMemberInput,
  ): Promise<TaskForceRecord> {
    return runMutation(ctx, write.removeTaskForceMember, input);
  }
}
