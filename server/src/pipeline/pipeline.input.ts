import { Field, InputType } from 'type-graphql';
import { ProjectStage } from './pipeline.type.js';

@InputType({ description: 'Filters on projects; all given must hold.' })
export class ProjectFilter {
  @Field(() => String, {
    nullable: true,
    description: '地区 region code (or global id): projects in it or any region within it.',
  })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '产业链 chain id (or global id): projects filling one of its links.',
  })
  chainId?: string | null;

  @Field(() => ProjectStage, { nullable: true, description: 'Current stage.' })
  stage?: string | null;
}

@InputType({ description: 'Filters on target libraries, by the task force that owns them.' })
export class TargetLibraryFilter {
  @Field(() => String, {
    nullable: true,
    description: '地区 region code (or global id): libraries of task forces in it or any region within it.',
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '产业链 chain id (or global id).' })
  chainId?: string | null;
}
