export { startApp, WEB_DIST, type App, type AppDeps } from './app.js';
export { buildAppSchema, resolvers } from './schema.js';
export { ErrorCode } from './core/errors.js';
export { createContextFactory, type Context } from './core/context.js';
export { EngineCache } from './engine/engine.cache.js';
export { firmChains } from './core/mutation.store.js';
// The engine's services, for benchmarks that time an answer without the GraphQL/HTTP layer.
export { diagnose } from './engine/diagnosis.service.js';
export { gapTargets } from './engine/targets.service.js';
export { investmentMap } from './engine/map.service.js';
export { issueToken, verifyToken, type TokenSettings } from './auth/token.js';
export { hashPassword } from './auth/password.js';
export { authSettings } from './auth/settings.js';
export { FIELD_ACCESS, SCOPED_FIELDS, SCOPED_TYPES, WRITERS, accessOf } from './auth/policy.js';
export type { Role } from './auth/auth.model.js';
// The engine's pure parts and row models, for the peers benchmark's naive contender
// (bench/peers/naive.ts), which fetches its rows one parent at a time but must compute the same
// answer from them.
export { buildDiagnosis } from './engine/diagnosis.service.js';
export { gapTarget } from './engine/targets.service.js';
export { compareHits, scoreCandidate } from './engine/score.logic.js';
export { resolveThresholds, resolveWeights, resolveZones } from './engine/engine.args.js';
export { ANCHOR_TAGS, LINK_DEPTH } from './engine/engine.defaults.js';
export { DiagnosisRowModel, type DiagnosisRow } from './engine/engine.model.js';
export { EnterpriseModel, enterpriseFields } from './enterprise/enterprise.model.js';
export { ChainModel, LinkModel, chainFields, linkFields } from './chain/chain.model.js';
export { RegionModel, regionFields } from './region/region.model.js';
