// The explorer speaks Chinese; the API's identifiers stay English. Every label the UI shows for an
// API value comes from here.

/** 项目全周期, in order; 终止 is off the line. */
export const PROJECT_STAGES = [
  'LEAD',
  'NEGOTIATING',
  'SIGNED',
  'REGISTERED',
  'STARTED',
  'IN_PRODUCTION',
  'AT_CAPACITY',
  'IN_STATISTICS',
  'ABOVE_SIZE',
] as const;
export type LifeStage = (typeof PROJECT_STAGES)[number];
export type ProjectStageName = LifeStage | 'TERMINATED';

export const PROJECT_STAGE_LABEL: Record<ProjectStageName, string> = {
  LEAD: '线索',
  NEGOTIATING: '在谈',
  SIGNED: '签约',
  REGISTERED: '注册',
  STARTED: '开工',
  IN_PRODUCTION: '投产',
  AT_CAPACITY: '达产',
  IN_STATISTICS: '入统',
  ABOVE_SIZE: '入规',
  TERMINATED: '终止',
};

/** The stage after `stage` on the life cycle, or null at the end (or when terminated). */
export function nextStage(stage: ProjectStageName): LifeStage | null {
  const i = PROJECT_STAGES.indexOf(stage as LifeStage);
  return i >= 0 && i < PROJECT_STAGES.length - 1 ? PROJECT_STAGES[i + 1]! : null;
}

export const LINK_STAGE_LABEL: Record<string, string> = {
  UPSTREAM: '上游',
  MIDSTREAM: '中游',
  DOWNSTREAM: '下游',
};
export const LINK_STAGES = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const;

export const REGION_LEVEL_LABEL: Record<string, string> = {
  PROVINCE: '省',
  CITY: '市',
  COUNTY: '县/区',
  ZONE: '园区',
};

/** Enterprise categories (Enterprise.tags). */
export const TAG_LABEL: Record<string, string> = {
  GLOBAL_500: '世界500强',
  CHINA_500: '中国500强',
  PRIVATE_500: '民企500强',
  LISTED: '上市公司',
  CENTRAL_SOE: '央企',
  LEADER: '行业龙头',
  HIGH_TECH: '高新技术企业',
  SPECIALIZED_SME: '专精特新“小巨人”',
  FOREIGN: '外资',
  EXPORT_ORIENTED: '外向型',
};
export const tagLabel = (tag: string): string => TAG_LABEL[tag] ?? tag;

/** The factors of a target's score (招谁: why this firm). */
export const FACTOR_LABEL: Record<string, string> = {
  strength: '企业实力',
  gap: '补链价值',
  ties: '本地关系',
  supplyFit: '配套契合',
  sourceZone: '重点来源地',
};
export const factorLabel = (name: string): string => FACTOR_LABEL[name] ?? name;

export const GAP_LABEL: Record<string, string> = {
  BROKEN_KEY: '断链·关键环节',
  BROKEN: '断链',
  MISSING_KEY: '缺链·关键环节',
  MISSING: '缺链',
  WEAK_KEY: '弱链·关键环节',
  WEAK: '弱链',
};

export const SOURCE_LABEL: Record<string, string> = {
  IMPORT: '文件导入',
  INDUSTRY_CODE: '按申万行业',
  MANUAL: '人工指定',
};

/** 角色 the roles of users. */
export const ROLE_LABEL: Record<string, string> = {
  ADMIN: '系统管理员',
  CITY_OFFICE: '招商办',
  TASK_FORCE: '招商专班',
  ANALYST: '分析员',
};
