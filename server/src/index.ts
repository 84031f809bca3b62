export { startApp, WEB_DIST, type App, type AppDeps } from './app.js';
export { buildAppSchema, resolvers } from './schema.js';
export { ErrorCode } from './core/errors.js';
