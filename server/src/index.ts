export { startApp, WEB_DIST, type App, type AppDeps } from './app.js';
export { buildAppSchema, resolvers } from './schema.js';
export { ErrorCode } from './core/errors.js';
export { createContextFactory, type Context } from './core/context.js';
// The engine's services, for benchmarks that time an answer without the GraphQL/HTTP layer.
export { diagnose } from './engine/diagnosis.service.js';
export { gapTargets } from './engine/targets.service.js';
export { investmentMap } from './engine/map.service.js';
// The engine's pure parts and row models, for the peers benchmark's naive contender
// (bench/peers/naive.ts), which fetches its rows one parent at a time but must compute the same
// answer from them.
export { buildDiagnosis } from './engine/diagnosis.service.js';
export { gapTarget, hitFor } from './engine/targets.service.js';
export { compareHits } from './engine/score.logic.js';
export { resolveThresholds, resolveWeights, resolveZones } from './engine/engine.args.js';
export { ANCHOR_TAGS, LINK_DEPTH } from './engine/engine.defaults.js';
export { CandidateRowModel, DiagnosisRowModel, type DiagnosisRow } from './engine/engine.model.js';
export { EnterpriseModel, enterpriseFields } from './enterprise/enterprise.model.js';
export { ChainModel, LinkModel, chainFields, linkFields } from './chain/chain.model.js';
export { RegionModel, regionFields } from './region/region.model.js';
