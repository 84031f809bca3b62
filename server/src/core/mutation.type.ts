import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from './relay.js';

/** What a delete mutation returns: the entity that is gone, and how many nodes went with it. */
export interface DeletionRecord {
  id: string;
  key: string;
  type: string;
  removed: number;
}

export function deletion(type: string, key: string, removed = 1): DeletionRecord {
  return { id: toGlobalId(type, key), key, type, removed };
}

@ObjectType({ description: 'What a delete removed.' })
export class Deletion {
  @Field(() => ID, { description: 'Global id of the deleted entity (no longer resolvable).' })
  id!: string;

  @Field(() => String, { description: 'Its domain key.' })
  key!: string;

  @Field(() => String, { description: 'Its type, e.g. `Chain`.' })
  type!: string;

  @Field(() => Int, {
    description:
      'Nodes removed: 1, plus whatever went with it (a cascade’s links, a project’s stage events).',
  })
  removed!: number;
}

/** The one argument of every mutation. */
export const INPUT_ARG = { description: 'What to write; each field is described on the input type.' };
