import type { ChainRecord, LinkRecord } from '../chain/chain.model.js';
import type { EnterpriseRecord } from '../enterprise/enterprise.model.js';
import type { PersonRecord, ProjectRecord, TaskForceRecord } from '../pipeline/pipeline.model.js';
import type { RegionRecord } from '../region/region.model.js';
import type { LinkStatus } from './diagnosis.logic.js';
import type { GapKind, Thresholds, Weights } from './engine.defaults.js';
import type { Factor } from './score.logic.js';

// What the engine hands to the resolvers (engine.type.ts) and to the export (server/src/export).

export interface LinkDiagnosisRecord {
  link: LinkRecord;
  parentId: string | null;
  status: LinkStatus;
  broken: boolean;
  gap: GapKind | null;
  severity: number;
  localCount: number;
  anchorCount: number;
  revenue: number | null;
  locationQuotient: number | null;
  nationalCount: number;
  anchors: EnterpriseRecord[];
}

export interface DiagnosisRecord {
  chain: ChainRecord;
  region: RegionRecord;
  thresholds: Thresholds;
  links: LinkDiagnosisRecord[];
  gaps: LinkDiagnosisRecord[];
  coverage: number | null;
  keyCoverage: number | null;
  localTotal: number;
  nationalTotal: number;
}

export interface TargetHitRecord {
  enterprise: EnterpriseRecord;
  link: LinkRecord;
  gap: GapKind | null;
  score: number;
  factors: Factor[];
  local: boolean;
  inLibrary: boolean;
  inProject: boolean;
  sourceZones: string[];
}

export interface TargetListRecord {
  totalCount: number;
  hits: TargetHitRecord[];
  weights: Weights;
  sourceZones: string[];
}

export interface LinkTargetsRecord {
  diagnosis: LinkDiagnosisRecord;
  hits: TargetHitRecord[];
}

export interface ExtensionOptionRecord {
  link: LinkRecord;
  chain: ChainRecord | null;
  inChain: boolean;
  touches: LinkRecord[];
  relatedness: number;
  strongRegions: number;
  localCount: number;
  nationalCount: number;
  candidates: TargetHitRecord[];
}

export interface SourceRegionLinkRecord {
  link: LinkRecord;
  count: number;
  anchorCount: number;
}

export interface SourceRegionRecord {
  region: RegionRecord;
  score: number;
  candidateCount: number;
  anchorCount: number;
  revenue: number | null;
  links: SourceRegionLinkRecord[];
}

export interface ConnectionStepRecord {
  from: EnterpriseRecord;
  to: EnterpriseRecord;
  type: 'SUPPLIES_TO' | 'INVESTS_IN';
  share: number | null;
}

export interface ConnectionPathRecord {
  target: EnterpriseRecord;
  hops: number;
  nodes: EnterpriseRecord[];
  steps: ConnectionStepRecord[];
}

export interface MapTaskForceRecord {
  taskForce: TaskForceRecord;
  leader: PersonRecord | null;
  region: RegionRecord;
  memberCount: number;
  libraryCount: number;
  targetCount: number;
}

export interface MapProjectRecord {
  project: ProjectRecord;
  enterprise: EnterpriseRecord | null;
  region: RegionRecord;
  links: LinkRecord[];
}

export interface MapOrganisationRecord {
  taskForces: MapTaskForceRecord[];
  targetCount: number;
  projectCount: number;
  projectAmount: number;
  stages: { stage: string; count: number; amount: number }[];
  projects: MapProjectRecord[];
}

export interface InvestmentMapRecord {
  chain: ChainRecord;
  region: RegionRecord;
  generatedAt: string;
  diagnosis: DiagnosisRecord;
  targets: LinkTargetsRecord[];
  weights: Weights;
  sourceZones: string[];
  sourceRegions: SourceRegionRecord[];
  organisation: MapOrganisationRecord;
}
