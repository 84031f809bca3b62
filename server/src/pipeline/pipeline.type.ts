import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../core/connection.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { Enterprise } from '../enterprise/enterprise.type.js';
import { Node } from '../node/node.type.js';
import type { ProjectRecord } from './pipeline.model.js';

export const ProjectStage = {
  LEAD: 'LEAD',
  NEGOTIATING: 'NEGOTIATING',
  SIGNED: 'SIGNED',
  REGISTERED: 'REGISTERED',
  STARTED: 'STARTED',
  IN_PRODUCTION: 'IN_PRODUCTION',
  AT_CAPACITY: 'AT_CAPACITY',
  IN_STATISTICS: 'IN_STATISTICS',
  ABOVE_SIZE: 'ABOVE_SIZE',
  TERMINATED: 'TERMINATED',
} as const;

registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: 'Project life cycle (全周期 招落服): 线索→在谈→签约→注册→开工→投产→达产→入统→入规, or 终止.',
  valuesConfig: {
    LEAD: { description: '线索 lead.' },
    NEGOTIATING: { description: '在谈 negotiating.' },
    SIGNED: { description: '签约 signed.' },
    REGISTERED: { description: '注册 registered.' },
    STARTED: { description: '开工 construction started.' },
    IN_PRODUCTION: { description: '投产 in production.' },
    AT_CAPACITY: { description: '达产 at design capacity.' },
    IN_STATISTICS: { description: '入统 counted in investment statistics.' },
    ABOVE_SIZE: { description: '入规 above designated size (规上).' },
    TERMINATED: { description: '终止 terminated.' },
  },
});

@ObjectType({ implements: Node, description: '人员 person: a chain leader (链长) or task-force member.' })
export class Person extends Node {
  @Field(() => String, { description: 'Domain key: the person id.' })
  key!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Title, e.g. 副市长 vice-mayor.' })
  title!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}

@ObjectType({
  implements: Node,
  description:
    '招商专班 task force: courts investors for one chain in one region, led by its chain leader (链长).',
})
export class TaskForce extends Node {
  @Field(() => String, { description: 'Domain key: the task force id.' })
  key!: string;

  @Field(() => String, { description: 'Name, e.g. 咸宁市新能源汽车产业链招商专班.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '牵头单位 lead department.' })
  leadDepartment!: string | null;

  @Field(() => Float, { nullable: true, description: '专项经费 dedicated budget, 万元.' })
  budget!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}

@ObjectType({
  implements: Node,
  description: '招商目标企业库 target-enterprise library: the firms a task force courts.',
})
export class TargetLibrary extends Node {
  @Field(() => String, { description: 'Domain key: the library id.' })
  key!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}

@ObjectType({ description: 'One firm in a target library (INCLUDES), with why and by whom it is courted.' })
export class TargetLibraryEntry {
  @Field(() => Enterprise, { description: 'The target enterprise.' })
  enterprise!: EnterpriseRecord;

  @Field(() => Int, { nullable: true, description: 'Priority: 1 highest – 3.' })
  priority!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the firm is a target (e.g. fills 补链 a missing link).',
  })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the person who follows the firm up (首谈负责制); see `owner`.',
  })
  ownerId!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When the firm was added.' })
  addedOn!: string | null;
}

@ObjectType({ implements: Node, description: '招商项目 investment project, tracked through its life cycle.' })
export class Project extends Node {
  @Field(() => String, { description: 'Domain key: the project id.' })
  key!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Investment amount, 亿元.' })
  amount!: number | null;

  @Field(() => Boolean, { nullable: true, description: '工业项目 an industrial project.' })
  industrial!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '外向型 export-oriented.' })
  exportOriented!: boolean | null;

  @Field(() => ProjectStage, { description: 'Current stage.' })
  stage!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'When the project reached its current stage.',
  })
  stageOn!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Planned start of production (计划投产).' })
  plannedProductionOn!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}

@ObjectType({ description: "One dated move of a project's stage (ProjectStageEvent)." })
export class ProjectStageEvent {
  @Field(() => Int, { nullable: true, description: 'Position in the history: 1 for the first move.' })
  seq!: number | null;

  @Field(() => ProjectStage, { description: 'The stage reached.' })
  stage!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When.' })
  on!: string | null;

  @Field(() => String, { nullable: true, description: 'Why, e.g. the reason a project was terminated.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded the move.' })
  by!: string | null;
}

@ObjectType({ description: '到位资金 funds in place: an amount that arrived on a date (FundsEntry).' })
export class FundsEntry {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When the funds arrived.' })
  on!: string | null;

  @Field(() => Float, { nullable: true, description: 'Amount, 亿元.' })
  amount!: number | null;
}

@ObjectType({ description: 'A project in a connection, with its cursor.' })
export class ProjectEdge {
  @Field(() => Project, { description: 'The project.' })
  node!: ProjectRecord;

  @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after`.' })
  cursor!: string;
}

@ObjectType({ description: 'A page of projects (Relay connection), latest move first.' })
export class ProjectConnection {
  @Field(() => [ProjectEdge], { description: 'The projects of this page, in order.' })
  edges!: ProjectEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many projects match, across all pages. Counted only when selected.' })
  totalCount!: number;
}

@ObjectType({
  implements: Node,
  description: "考核目标 KPI targets: a region's yearly targets (as in Xianning's annex 1).",
})
export class KpiTarget extends Node {
  @Field(() => String, { description: 'Domain key: the target id.' })
  key!: string;

  @Field(() => Int, { description: 'Year the targets are for.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: '500强/上市公司/行业龙头 projects to land.' })
  anchorProjects!: number | null;

  @Field(() => Int, { nullable: true, description: 'Projects of 10亿元 or more.' })
  projects10e!: number | null;

  @Field(() => Int, { nullable: true, description: 'Projects of 1亿元 or more.' })
  projects1e!: number | null;

  @Field(() => Float, { nullable: true, description: '工业项目占比 industrial share of projects, 0–1.' })
  industrialShare!: number | null;

  @Field(() => Int, { nullable: true, description: 'New starts (新开工) of 1亿元 or more.' })
  newStarts1e!: number | null;

  @Field(() => Float, { nullable: true, description: '到位资金 funds in place, 亿元.' })
  fundsInPlace!: number | null;

  @Field(() => Int, { nullable: true, description: 'Export-oriented (外向型) projects of 10亿元 or more.' })
  exportProjects10e!: number | null;

  @Field(() => String, { nullable: true, description: 'The document the targets come from.' })
  source!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version, raised by every change (for optimistic updates).',
  })
  version!: number | null;
}
