import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DutyTargetRecord } from '../pipeline/contact.model.js';
import { DutyTarget } from '../pipeline/contact.type.js';
import type { KpiTargetRecord, PersonRecord, TaskForceRecord } from '../pipeline/pipeline.model.js';
import { KpiTarget, Person, ProjectStage, TaskForce } from '../pipeline/pipeline.type.js';
import type { RegionRecord } from '../region/region.model.js';
import { Region } from '../region/region.type.js';
import type { ChainGaps, ChainGroup, FilledLink, MonthProject } from './bulletin.logic.js';
import type { DutyLine as DutyLineRecord } from './duties.logic.js';
import type { FunnelRow, KpiLine as KpiLineRecord } from './kpi.logic.js';
import type {
  KpiReportRecord,
  RankingRecord,
  RankingRowRecord,
  RegionKpiRecord,
  WarningRecord,
} from './tracking.service.js';

export const KpiMetric = {
  anchorProjects: 'anchorProjects',
  projects10e: 'projects10e',
  projects1e: 'projects1e',
  industrialShare: 'industrialShare',
  newStarts1e: 'newStarts1e',
  fundsInPlace: 'fundsInPlace',
  exportProjects10e: 'exportProjects10e',
} as const;
registerEnumType(KpiMetric, {
  name: 'KpiMetric',
  description: "考核指标: the KPIs of Xianning's annex 1 (docs/tracking.md says what counts for each).",
  valuesConfig: {
    anchorProjects: { description: '引进世界500强、中国500强、上市公司或行业龙头企业投资项目 (count).' },
    projects10e: { description: '投资10亿元以上项目 (count).' },
    projects1e: { description: '投资亿元以上项目 (count).' },
    industrialShare: { description: '亿元以上项目中工业项目占比 (share, 0–1).' },
    newStarts1e: { description: '新开工亿元以上产业项目 (count).' },
    fundsInPlace: { description: '招商引资到位资金 (亿元).' },
    exportProjects10e: { description: '投资10亿元以上的外向型产业项目 (count; a bonus item, 加分项).' },
  },
});

export const ScheduleStatus = {
  AHEAD: 'AHEAD',
  ON_SCHEDULE: 'ON_SCHEDULE',
  BEHIND: 'BEHIND',
  NO_TARGET: 'NO_TARGET',
  NO_DATA: 'NO_DATA',
} as const;
registerEnumType(ScheduleStatus, {
  name: 'ScheduleStatus',
  description: '序时进度: where a KPI stands against the share of the year elapsed.',
  valuesConfig: {
    AHEAD: { description: '超序时进度 ahead of schedule.' },
    ON_SCHEDULE: { description: '持平 exactly on schedule (gap under 0.005 points).' },
    BEHIND: { description: '落后序时进度 behind schedule.' },
    NO_TARGET: { description: 'No positive target: no rate, no schedule.' },
    NO_DATA: { description: 'A share that cannot be computed yet (no project ≥ 1亿).' },
  },
});

export const RankingPeriod = { MONTH: 'MONTH', QUARTER: 'QUARTER', HALF_YEAR: 'HALF_YEAR' } as const;
registerEnumType(RankingPeriod, {
  name: 'RankingPeriod',
  description: '月通报、季督查、半年排位: the period of a ranking.',
  valuesConfig: {
    MONTH: { description: '月 month (index 1–12).' },
    QUARTER: { description: '季度 quarter (index 1–4).' },
    HALF_YEAR: { description: '半年 half-year (index 1–2).' },
  },
});

export const WarningKind = {
  SIGNED_NOT_STARTED: 'SIGNED_NOT_STARTED',
  PRODUCTION_OVERDUE: 'PRODUCTION_OVERDUE',
  STALLED: 'STALLED',
  BEHIND_SCHEDULE: 'BEHIND_SCHEDULE',
} as const;
registerEnumType(WarningKind, {
  name: 'WarningKind',
  description: '预警 the rule that flagged a project or a region.',
  valuesConfig: {
    SIGNED_NOT_STARTED: {
      description: '签约未开工: signed, not started after the allowed months (default 6).',
    },
    PRODUCTION_OVERDUE: { description: '逾期未投产: started, not in production past its planned date.' },
    STALLED: { description: '停滞: no stage move for longer than the allowed days (default 90).' },
    BEHIND_SCHEDULE: { description: '落后序时进度: a region behind schedule on a KPI.' },
  },
});

export const WarningSeverity = { HIGH: 'HIGH', MEDIUM: 'MEDIUM' } as const;
registerEnumType(WarningSeverity, {
  name: 'WarningSeverity',
  description: 'How serious a warning is.',
  valuesConfig: {
    HIGH: {
      description: '严重: overdue more than 90 days, idle twice the limit, or behind by more than 20 points.',
    },
    MEDIUM: { description: '一般.' },
  },
});

@ObjectType({ description: 'One KPI of a region: target, actual, completion and 序时进度.' })
export class KpiLine {
  @Field(() => KpiMetric, { description: 'Which KPI.' })
  metric!: string;

  @Field(() => Float, { nullable: true, description: 'The target (目标); null when none is set.' })
  target!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The actual, computed from the projects’ dated facts; null for a share without projects.',
  })
  actual!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '完成率 actual ÷ target; null without a positive target.',
  })
  completionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '序时目标: target × share of the year elapsed (for the industrial share: the target).',
  })
  expected!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '超(+)/落后(−)序时进度, percentage points: (completion rate − share of year elapsed) × 100.',
  })
  progressPoints!: number | null;

  @Field(() => ScheduleStatus, { description: 'Ahead of, on or behind schedule.' })
  status!: string;

  @Field(() => [String], { description: 'Keys of the projects that make up the actual (see `projects`).' })
  projectKeys!: string[];
}

@ObjectType({ description: 'Projects at one stage on the report date, with their amounts (the funnel).' })
export class FunnelStage {
  @Field(() => ProjectStage, { description: 'The stage.' })
  stage!: string;

  @Field(() => Int, { description: 'Projects at it on the report date.' })
  count!: number;

  @Field(() => Float, { description: 'Their amounts, 亿元.' })
  amount!: number;
}

@ObjectType({ description: "A region's KPI lines and project funnel." })
export class RegionKpi {
  @Field(() => Region, { description: 'The region.' })
  region!: RegionRecord;

  @Field(() => KpiTarget, {
    nullable: true,
    description: 'Its targets for the year; null when none are set.',
  })
  target!: KpiTargetRecord | null;

  @Field(() => [KpiLine], { description: 'One line per KPI, in the order of annex 1.' })
  lines!: KpiLineRecord[];

  @Field(() => [FunnelStage], {
    description: '项目漏斗: projects by stage on the report date, 线索 first, 终止 last.',
  })
  funnel!: FunnelRow[];

  @Field(() => Int, { description: 'Projects in the region or within it.' })
  projectCount!: number;
}

@ObjectType({ description: '考核 the KPI report of a region and of the regions directly within it.' })
export class KpiReport {
  @Field(() => Int, { description: 'The year of the targets.' })
  year!: number;

  @Field(() => GraphQLLocalDate, { description: 'The report date: facts dated after it are ignored.' })
  asOf!: string;

  @Field(() => Float, { description: '序时: share of the year elapsed at the end of `asOf`, 0–1.' })
  elapsedShare!: number;

  @Field(() => RegionKpi, { description: 'The region itself (every project within it counts).' })
  region!: RegionKpiRecord;

  @Field(() => [RegionKpi], { description: 'Each region directly within it (counties, zones), by code.' })
  regions!: RegionKpiRecord[];
}

@ObjectType({ description: 'One region in a ranking.' })
export class RankingRow {
  @Field(() => Int, {
    nullable: true,
    description: '名次: 1 best; ties share a rank (1, 2, 2, 4); null without any target.',
  })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank in the previous period.' })
  previousRank!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Places moved up since the previous period (negative: down).',
  })
  change!: number | null;

  @Field(() => Float, { nullable: true, description: '综合得分: the composite (docs/tracking.md).' })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'The composite in the previous period.' })
  previousScore!: number | null;

  @Field(() => Float, { description: '加分: export-oriented projects ≥ 10亿, included in the score.' })
  bonus!: number;

  @Field(() => Region, { description: 'The region.' })
  region!: RegionRecord;

  @Field(() => [KpiLine], { description: 'Its KPI lines at the period’s reference date.' })
  lines!: KpiLineRecord[];
}

@ObjectType({ description: '排位 the regions within a city ranked for a period.' })
export class Ranking {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => RankingPeriod, { description: 'Month, quarter or half-year.' })
  period!: string;

  @Field(() => Int, { description: 'Which one (1-based).' })
  index!: number;

  @Field(() => String, { description: 'e.g. 2026年10月, 2026年第3季度.' })
  label!: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Reference date: the period’s last day, or today while it runs.',
  })
  asOf!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Reference date of the previous period.' })
  previousAsOf!: string | null;

  @Field(() => [RankingRow], { description: 'Best first; ties by region code; unscored last.' })
  rows!: RankingRowRecord[];
}

@ObjectType({ description: '预警 a project or region flagged by a rule, with the reason.' })
export class Warning {
  @Field(() => WarningKind, { description: 'The rule.' })
  kind!: string;

  @Field(() => WarningSeverity, { description: 'How serious.' })
  severity!: string;

  @Field(() => String, { description: 'The reason, in words (Chinese), with the dates and numbers.' })
  reason!: string;

  @Field(() => String, { description: 'Code of the region flagged, or of the project’s region.' })
  regionCode!: string;

  @Field(() => String, { description: 'Name of that region.' })
  regionName!: string;

  @Field(() => String, { nullable: true, description: 'Key of the project flagged; null for a region.' })
  projectKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the project flagged.' })
  projectName!: string | null;

  @Field(() => KpiMetric, { nullable: true, description: 'The KPI behind schedule (BEHIND_SCHEDULE).' })
  metric!: string | null;

  @Field(() => GraphQLLocalDate, {
    description: 'When the clock started (signing, planned production, last move, 1 January).',
  })
  since!: string;

  @Field(() => Int, { nullable: true, description: 'Days overdue (idle for STALLED).' })
  days!: number | null;

  @Field(() => Float, { nullable: true, description: 'Percentage points behind schedule (negative).' })
  points!: number | null;
}

@InputType({ description: 'Thresholds of the warning rules; left out, the defaults apply.' })
export class WarningThresholdsInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Months from signing to start (default 6, Chenzhou’s rule).',
  })
  signedNotStartedMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days without a stage move (default 90).' })
  stalledDays?: number | null;

  @Field(() => Float, { nullable: true, description: 'Points behind schedule tolerated (default 0).' })
  behindPoints?: number | null;
}

@ObjectType({ description: 'A project that moved in the month.' })
export class MonthProjectMove {
  @Field(() => String, { description: 'Project key.' })
  key!: string;

  @Field(() => String, { description: 'Project name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Where it lands.' })
  regionName!: string | null;

  @Field(() => String, { nullable: true, description: 'The investing enterprise.' })
  enterpriseName!: string | null;

  @Field(() => Float, { nullable: true, description: 'Amount on the report date, 亿元.' })
  amount!: number | null;

  @Field(() => GraphQLLocalDate, { description: 'The day of the move.' })
  on!: string;
}

@ObjectType({ description: 'The month’s moves of one chain.' })
export class ChainMoves {
  @Field(() => String, { nullable: true, description: 'Chain id; null for projects without one.' })
  chainId!: string | null;

  @Field(() => String, { nullable: true, description: 'Chain name.' })
  chainName!: string | null;

  @Field(() => Int, { description: 'How many projects.' })
  count!: number;

  @Field(() => Float, { description: 'Their amounts, 亿元.' })
  amount!: number;

  @Field(() => [MonthProjectMove], { description: 'The projects, by date.' })
  projects!: MonthProject[];
}

@ObjectType({ description: 'A link that became present in the region this month.' })
export class FilledGap {
  @Field(() => String, { description: 'Link id.' })
  linkKey!: string;

  @Field(() => String, { description: 'Link name.' })
  linkName!: string;

  @Field(() => String, { description: 'The project that reached 投产 on it.' })
  projectKey!: string;

  @Field(() => String, { description: 'Its name.' })
  projectName!: string;

  @Field(() => String, { nullable: true, description: 'Where.' })
  regionName!: string | null;

  @Field(() => GraphQLLocalDate, { description: 'When it reached 投产.' })
  on!: string;
}

@ObjectType({ description: '补链成效: the links of one chain filled this month.' })
export class ChainGapsFilled {
  @Field(() => String, { nullable: true, description: 'Chain id.' })
  chainId!: string | null;

  @Field(() => String, { nullable: true, description: 'Chain name.' })
  chainName!: string | null;

  @Field(() => [FilledGap], { description: 'The links, by date.' })
  links!: FilledLink[];
}

@ObjectType({ description: '月通报 the monthly bulletin of a region for the city office.' })
export class Bulletin {
  @Field(() => Region, { description: 'The region.' })
  region!: RegionRecord;

  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => String, { description: 'e.g. 2026年10月.' })
  label!: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Reference date: the month’s last day (or today while it runs).',
  })
  asOf!: string;

  @Field(() => GraphQLLocalDate, { description: 'When generated.' })
  generatedOn!: string;

  @Field(() => KpiReport, { description: 'KPI table with 序时进度, for the region and each county/zone.' })
  kpi!: KpiReportRecord;

  @Field(() => Ranking, { description: 'The month’s ranking and its movement.' })
  ranking!: RankingRecord;

  @Field(() => [ChainMoves], { description: '新签约亿元以上项目 by chain.' })
  signings!: ChainGroup[];

  @Field(() => [ChainMoves], { description: '新开工亿元以上项目 by chain.' })
  starts!: ChainGroup[];

  @Field(() => [Warning], { description: '预警 as of the reference date.' })
  warnings!: WarningRecord[];

  @Field(() => [ChainGapsFilled], { description: '补链成效: links filled this month, by chain.' })
  gapsFilled!: ChainGaps[];
}

@ObjectType({ description: 'One leader duty: target, actual, completion and 序时进度.' })
export class DutyLine {
  @Field(() => Float, { nullable: true, description: 'Target for the year.' })
  target!: number | null;

  @Field(() => Float, { description: 'Actual by the report date.' })
  actual!: number;

  @Field(() => Float, { nullable: true, description: 'Completion rate.' })
  completionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Target × share of year elapsed.' })
  expected!: number | null;

  @Field(() => Float, { nullable: true, description: '超(+)/落后(−)序时进度, points.' })
  progressPoints!: number | null;

  @Field(() => ScheduleStatus, { description: 'Against schedule.' })
  status!: string;
}

@ObjectType({ description: '链长责任: a task force with its chain leader’s duties as KPIs.' })
export class LeaderDuty {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => GraphQLLocalDate, { description: 'Report date.' })
  asOf!: string;

  @Field(() => TaskForce, {
    description: '招商专班 the task force (lead department, budget, members, projects, libraries).',
  })
  taskForce!: TaskForceRecord;

  @Field(() => Person, { nullable: true, description: '链长 its leader.' })
  leader!: PersonRecord | null;

  @Field(() => DutyTarget, { nullable: true, description: 'The leader’s duty targets for the year.' })
  target!: DutyTargetRecord | null;

  @Field(() => DutyLine, { description: '赴外招商 trips out (contacts with tripOut) against the target.' })
  tripsOut!: DutyLineRecord;

  @Field(() => DutyLine, {
    description: '谋划项目 projects entered in the year of at least the target’s minimum amount.',
  })
  projectsPlanned!: DutyLineRecord;

  @Field(() => [String], { description: 'Keys of the projects that count as planned.' })
  plannedKeys!: string[];

  @Field(() => Int, { description: 'Contacts the task force logged in the year up to the report date.' })
  contactsInYear!: number;
}
