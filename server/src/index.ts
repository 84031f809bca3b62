export { startApp, WEB_DIST, type App, type AppDeps } from './app.js';
export { buildAppSchema, resolvers } from './schema.js';
export { ErrorCode } from './core/errors.js';
export { createContextFactory, type Context } from './core/context.js';
export { EngineCache } from './engine/engine.cache.js';
// The engine's services, for benchmarks that time an answer without the GraphQL/HTTP layer.
export { diagnose } from './engine/diagnosis.service.js';
export { gapTargets } from './engine/targets.service.js';
export { investmentMap } from './engine/map.service.js';
export { issueToken, verifyToken, type TokenSettings } from './auth/token.js';
export { hashPassword } from './auth/password.js';
export { authSettings } from './auth/settings.js';
export { FIELD_ACCESS, SCOPED_FIELDS, SCOPED_TYPES, WRITERS, accessOf } from './auth/policy.js';
export type { Role } from './auth/auth.model.js';
