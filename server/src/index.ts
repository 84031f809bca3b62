export { startApp, WEB_DIST, type App, type AppDeps } from './app.js';
export { buildAppSchema, resolvers } from './schema.js';
export { ErrorCode } from './core/errors.js';
export { createContextFactory, type Context } from './core/context.js';
export { EngineCache } from './engine/engine.cache.js';
// The engine's services, for benchmarks that time an answer without the GraphQL/HTTP layer.
export { diagnose } from './engine/diagnosis.service.js';
export { gapTargets } from './engine/targets.service.js';
export { investmentMap } from './engine/map.service.js';
