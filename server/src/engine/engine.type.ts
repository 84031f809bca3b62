import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChainRecord, LinkRecord } from '../chain/chain.model.js';
import { Chain, Link } from '../chain/chain.type.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import { Enterprise } from '../enterprise/enterprise.type.js';
import type { PersonRecord, ProjectRecord, TaskForceRecord } from '../pipeline/pipeline.model.js';
import { Person, Project, ProjectStage, TaskForce } from '../pipeline/pipeline.type.js';
import type { RegionRecord } from '../region/region.model.js';
import { Region } from '../region/region.type.js';
import type { Weights } from './engine.defaults.js';
import type {
  ConnectionStepRecord,
  DiagnosisRecord,
  LinkDiagnosisRecord,
  LinkTargetsRecord,
  MapOrganisationRecord,
  MapProjectRecord,
  MapTaskForceRecord,
  SourceRegionLinkRecord,
  SourceRegionRecord,
  TargetHitRecord,
} from './engine.records.js';

export const LinkStatus = { STRONG: 'STRONG', WEAK: 'WEAK', MISSING: 'MISSING' } as const;
registerEnumType(LinkStatus, {
  name: 'LinkStatus',
  description: "A link's local presence in a region (docs/method.md).",
  valuesConfig: {
    STRONG: {
      description: '强 strong: a local anchor, or enough local firms at a high enough location quotient.',
    },
    WEAK: { description: '弱 weak: present but thin.' },
    MISSING: { description: '缺 missing: no local enterprise.' },
  },
});

export const GapKind = {
  BROKEN_KEY: 'BROKEN_KEY',
  BROKEN: 'BROKEN',
  MISSING_KEY: 'MISSING_KEY',
  MISSING: 'MISSING',
  WEAK_KEY: 'WEAK_KEY',
  WEAK: 'WEAK',
} as const;
registerEnumType(GapKind, {
  name: 'GapKind',
  description: 'The kind of gap a link is, most severe first.',
  valuesConfig: {
    BROKEN_KEY: { description: '断链·关键环节: a missing key link between present links.' },
    BROKEN: { description: '断链: a missing link with present links upstream and downstream of it.' },
    MISSING_KEY: { description: '缺链·关键环节: a missing key link.' },
    MISSING: { description: '缺链: a missing link.' },
    WEAK_KEY: { description: '弱链·关键环节: a weak key link.' },
    WEAK: { description: '弱链: a weak link.' },
  },
});

export const TieType = { SUPPLIES_TO: 'SUPPLIES_TO', INVESTS_IN: 'INVESTS_IN' } as const;
registerEnumType(TieType, {
  name: 'TieType',
  description: 'A tie between two enterprises.',
  valuesConfig: {
    SUPPLIES_TO: { description: '供应 the first firm supplies the second.' },
    INVESTS_IN: { description: '投资 the first firm holds shares in the second.' },
  },
});

export const SourceRegionLevel = { PROVINCE: 'PROVINCE', CITY: 'CITY' } as const;
registerEnumType(SourceRegionLevel, {
  name: 'SourceRegionLevel',
  description: 'The regions 到哪招 ranks.',
  valuesConfig: {
    PROVINCE: { description: '省 provinces.' },
    CITY: { description: '市 prefecture-level cities.' },
  },
});

@ObjectType({ description: 'The thresholds a diagnosis used (defaults unless the request gave others).' })
export class DiagnosisThresholds {
  @Field(() => Int, {
    description:
      'Local firms (at a location quotient ≥ strongMinQuotient) that make a link STRONG without an anchor.',
  })
  strongMinCount!: number;

  @Field(() => Float, { description: 'Lowest location quotient for the count rule.' })
  strongMinQuotient!: number;
}

@ObjectType({ description: 'The weights of the target score (defaults unless the request gave others).' })
export class ScoreWeights {
  @Field(() => Float, { description: 'Weight of strength (tags and revenue).' })
  strength!: number;

  @Field(() => Float, { description: 'Weight of the severity of the gap the firm fills.' })
  gap!: number;

  @Field(() => Float, { description: 'Weight of ties with firms in the region (以商招商).' })
  ties!: number;

  @Field(() => Float, { description: "Weight of supply fit with the region's strong links (以龙头引配套)." })
  supplyFit!: number;

  @Field(() => Float, { description: 'Weight of being in a preferred source zone.' })
  sourceZone!: number;
}

@ObjectType({ description: "One link's local presence in a region: 招什么, row by row." })
export class LinkDiagnosis {
  @Field(() => Link, { description: '环节 the link.' })
  link!: LinkRecord;

  @Field(() => LinkStatus, { description: 'STRONG, WEAK or MISSING in the region.' })
  status!: string;

  @Field(() => Boolean, {
    description: '断链: MISSING with present links both upstream and downstream (SUPPLIES).',
  })
  broken!: boolean;

  @Field(() => GapKind, { nullable: true, description: 'The kind of gap; null for a STRONG link.' })
  gap!: string | null;

  @Field(() => Float, {
    description: 'Value of filling the gap, 0–1 (the score’s gap factor); 0 for a STRONG link.',
  })
  severity!: number;

  @Field(() => Int, { description: 'Enterprises in the region working in the link or its sub-links.' })
  localCount!: number;

  @Field(() => Int, {
    description: 'Anchors (链主/龙头: leader, listed, 500 lists, central SOE) among them.',
  })
  anchorCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Their revenue, 亿元, summed where known; null when none is known.',
  })
  revenue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '区位商 location quotient; null when the region has no enterprise in the chain.',
  })
  locationQuotient!: number | null;

  @Field(() => Int, { description: 'Enterprises nationally working in the link or its sub-links.' })
  nationalCount!: number;

  @Field(() => [Enterprise], { description: 'The local anchors, largest revenue first (at most 20).' })
  anchors!: EnterpriseRecord[];
}

@ObjectType({ description: '招什么: a chain diagnosed in a region, link by link, with its gaps.' })
export class ChainDiagnosis {
  @Field(() => Chain, { description: '产业链 the chain.' })
  chain!: ChainRecord;

  @Field(() => Region, { description: '地区 the region (with every region within it).' })
  region!: RegionRecord;

  @Field(() => DiagnosisThresholds, { description: 'The thresholds used.' })
  thresholds!: DiagnosisRecord['thresholds'];

  @Field(() => [LinkDiagnosis], {
    description: 'One row per link of the chain (sub-links included), upstream first.',
  })
  links!: LinkDiagnosisRecord[];

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the links present (not MISSING), 0–1; null without links.',
  })
  coverage!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the key links present, 0–1; null when the chain has no key link.',
  })
  keyCoverage!: number | null;

  @Field(() => [LinkDiagnosis], {
    description:
      'The gaps (every link not STRONG), by severity: broken key > broken > missing key > missing > weak key > weak.',
  })
  gaps!: LinkDiagnosisRecord[];

  @Field(() => Int, { description: 'Enterprises in the region on any link of the chain.' })
  localTotal!: number;

  @Field(() => Int, { description: 'Enterprises nationally on any link of the chain.' })
  nationalTotal!: number;
}

@ObjectType({
  description:
    "One factor of a target's score: contribution = weight × value; the contributions sum to the score.",
})
export class ScoreFactor {
  @Field(() => String, { description: 'strength, gap, ties, supplyFit or sourceZone.' })
  name!: string;

  @Field(() => Float, { description: 'The weight used.' })
  weight!: number;

  @Field(() => Float, { description: 'The factor’s value, 0–1.' })
  value!: number;

  @Field(() => Float, { description: 'What it adds to the score: weight × value.' })
  contribution!: number;

  @Field(() => String, { description: 'Why, in Chinese (e.g. 位于长三角).' })
  detail!: string;
}

@ObjectType({ description: 'A target enterprise for one link, with an explainable score.' })
export class TargetHit {
  @Field(() => Enterprise, { description: '企业 the enterprise.' })
  enterprise!: EnterpriseRecord;

  @Field(() => Link, { description: '环节 the link it would fill or strengthen (its most severe gap).' })
  link!: LinkRecord;

  @Field(() => GapKind, {
    nullable: true,
    description: 'The kind of gap that link is; null when the link is no gap.',
  })
  gap!: string | null;

  @Field(() => Float, { description: 'The score: the sum of the factors’ contributions.' })
  score!: number;

  @Field(() => [ScoreFactor], { description: 'Every factor of the score.' })
  factors!: TargetHitRecord['factors'];

  @Field(() => Boolean, {
    description: 'True for a firm in the region (强链: a local firm that could expand, 增资扩产).',
  })
  local!: boolean;

  @Field(() => Boolean, { description: 'Already in a target library of a task force for the region.' })
  inLibrary!: boolean;

  @Field(() => Boolean, { description: 'Already investing in a (not terminated) project in the region.' })
  inProject!: boolean;

  @Field(() => [String], { description: 'The preferred source zones it is in (names).' })
  sourceZones!: string[];
}

@ObjectType({ description: 'Ranked target enterprises (补链).' })
export class TargetList {
  @Field(() => Int, { description: 'How many candidates qualified, before `first`.' })
  totalCount!: number;

  @Field(() => [TargetHit], {
    description: 'The best candidates, best first (ties broken by enterprise id).',
  })
  hits!: TargetHitRecord[];

  @Field(() => ScoreWeights, { description: 'The weights used.' })
  weights!: Weights;

  @Field(() => [String], { description: 'The preferred source zones used (codes).' })
  sourceZones!: string[];
}

@ObjectType({
  description: 'The targets for one link: 招谁 for a gap, or 强链 for a weak or anchorless link.',
})
export class LinkTargets {
  @Field(() => LinkDiagnosis, { description: 'The link and its diagnosis.' })
  diagnosis!: LinkDiagnosisRecord;

  @Field(() => [TargetHit], { description: 'Its best candidates, best first.' })
  hits!: TargetHitRecord[];
}

@ObjectType({
  description: '延链: a link beyond the chain (or missing in it) next to links strong in the region.',
})
export class ExtensionOption {
  @Field(() => Link, { description: '环节 the link to reach.' })
  link!: LinkRecord;

  @Field(() => Chain, { nullable: true, description: 'The chain it belongs to.' })
  chain!: ChainRecord | null;

  @Field(() => Boolean, { description: 'True when it is a (missing) link of the chain itself.' })
  inChain!: boolean;

  @Field(() => [Link], { description: 'The strong links it SUPPLIES or is supplied by.' })
  touches!: LinkRecord[];

  @Field(() => Float, {
    description:
      'Relatedness 0–1: of the other regions strong in those links, the share that also have this one.',
  })
  relatedness!: number;

  @Field(() => Int, {
    description: 'Other regions strong in the touched links (the denominator of relatedness).',
  })
  strongRegions!: number;

  @Field(() => Int, { description: 'Enterprises in the region already in the link.' })
  localCount!: number;

  @Field(() => Int, { description: 'Enterprises nationally in the link.' })
  nationalCount!: number;

  @Field(() => [TargetHit], { description: 'Its best candidates outside the region, best first.' })
  candidates!: TargetHitRecord[];
}

@ObjectType({ description: 'Candidates of one link in a source region.' })
export class SourceRegionLink {
  @Field(() => Link, { description: '环节 the link.' })
  link!: LinkRecord;

  @Field(() => Int, { description: 'Candidates working in it (or its sub-links).' })
  count!: number;

  @Field(() => Int, { description: 'Anchors among them.' })
  anchorCount!: number;
}

@ObjectType({ description: '到哪招: a region where candidates for the gaps are, for a heat map.' })
export class SourceRegion {
  @Field(() => Region, { description: '地区 the province or city.' })
  region!: RegionRecord;

  @Field(() => Float, { description: 'Heat: candidates plus anchors among them (an anchor counts twice).' })
  score!: number;

  @Field(() => Int, { description: 'Distinct candidate enterprises there.' })
  candidateCount!: number;

  @Field(() => Int, { description: 'Anchors among them.' })
  anchorCount!: number;

  @Field(() => Float, { nullable: true, description: 'Their revenue, 亿元, where known.' })
  revenue!: number | null;

  @Field(() => [SourceRegionLink], { description: 'Counts per gap link, most severe gap first.' })
  links!: SourceRegionLinkRecord[];
}

@ObjectType({ description: 'One tie along a connection path, in the direction it points.' })
export class ConnectionStep {
  @Field(() => Enterprise, { description: 'Where the tie starts (the supplier or the investor).' })
  from!: EnterpriseRecord;

  @Field(() => Enterprise, { description: 'Where it ends (the customer or the investee).' })
  to!: EnterpriseRecord;

  @Field(() => TieType, { description: 'SUPPLIES_TO or INVESTS_IN.' })
  type!: string;

  @Field(() => Float, { nullable: true, description: 'Share held, for INVESTS_IN, where known.' })
  share!: number | null;
}

@ObjectType({
  description: 'A shortest path of ties from a candidate to a firm in the region: who can introduce us.',
})
export class ConnectionPath {
  @Field(() => Enterprise, { description: 'The firm in the region at the end of the path.' })
  target!: EnterpriseRecord;

  @Field(() => Int, { description: 'Number of ties (1–3).' })
  hops!: number;

  @Field(() => [Enterprise], { description: 'The firms along the path, candidate first, target last.' })
  nodes!: EnterpriseRecord[];

  @Field(() => [ConnectionStep], { description: 'The ties, in path order.' })
  steps!: ConnectionStepRecord[];
}

@ObjectType({ description: 'A task force for the chain in the region, with its chain leader and counts.' })
export class MapTaskForce {
  @Field(() => TaskForce, { description: '招商专班 the task force (its leadDepartment is 牵头单位).' })
  taskForce!: TaskForceRecord;

  @Field(() => Person, { nullable: true, description: '链长 its chain leader.' })
  leader!: PersonRecord | null;

  @Field(() => Region, { description: 'The region it works for (the region itself or one within it).' })
  region!: RegionRecord;

  @Field(() => Int, { description: 'Members.' })
  memberCount!: number;

  @Field(() => Int, { description: 'Target libraries it owns.' })
  libraryCount!: number;

  @Field(() => Int, { description: 'Distinct enterprises in those libraries.' })
  targetCount!: number;
}

@ObjectType({ description: 'A project of the chain in the region, with its investor, place and links.' })
export class MapProject {
  @Field(() => Project, { description: '招商项目 the project.' })
  project!: ProjectRecord;

  @Field(() => Enterprise, { nullable: true, description: 'The investing enterprise.' })
  enterprise!: EnterpriseRecord | null;

  @Field(() => Region, { description: 'Where it lands.' })
  region!: RegionRecord;

  @Field(() => [Link], { description: 'The links it fills.' })
  links!: LinkRecord[];
}

@ObjectType({ description: 'Projects at one stage.' })
export class StageCount {
  @Field(() => ProjectStage, { description: 'The stage.' })
  stage!: string;

  @Field(() => Int, { description: 'Projects at it.' })
  count!: number;

  @Field(() => Float, { description: 'Their amount, 亿元 (unknown amounts count 0).' })
  amount!: number;
}

@ObjectType({ description: '谁来招: who works the chain in the region, and their pipeline.' })
export class MapOrganisation {
  @Field(() => [MapTaskForce], {
    description: 'Task forces for the chain in the region or within it, by name.',
  })
  taskForces!: MapTaskForceRecord[];

  @Field(() => Int, { description: 'Distinct enterprises in their target libraries.' })
  targetCount!: number;

  @Field(() => Int, { description: 'Active (not terminated) projects of the chain in the region.' })
  projectCount!: number;

  @Field(() => Float, { description: 'Their amount, 亿元.' })
  projectAmount!: number;

  @Field(() => [StageCount], {
    description: 'Projects per stage, in life-cycle order (terminated ones last).',
  })
  stages!: MapOrganisationRecord['stages'];

  @Field(() => [MapProject], { description: 'The projects, latest stage move first.' })
  projects!: MapProjectRecord[];
}

@ObjectType({ description: '一张招商地图: the investment map of a chain for a region.' })
export class InvestmentMap {
  @Field(() => Chain, { description: '产业链 the chain.' })
  chain!: ChainRecord;

  @Field(() => Region, { description: '地区 the region.' })
  region!: RegionRecord;

  @Field(() => String, { description: 'When the map was computed (ISO 8601).' })
  generatedAt!: string;

  @Field(() => ChainDiagnosis, { description: '招什么: the diagnosis and its gaps.' })
  diagnosis!: DiagnosisRecord;

  @Field(() => [LinkTargets], { description: '招谁: the best targets for each gap, in gap order.' })
  targets!: LinkTargetsRecord[];

  @Field(() => ScoreWeights, { description: 'The score weights used.' })
  weights!: Weights;

  @Field(() => [SourceRegion], {
    description: '到哪招: the regions with the most and strongest candidates for the gaps.',
  })
  sourceRegions!: SourceRegionRecord[];

  @Field(() => MapOrganisation, {
    description: '谁来招: task forces, chain leaders, libraries and projects.',
  })
  organisation!: MapOrganisationRecord;
}
