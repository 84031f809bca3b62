export { startApp, WEB_DIST, type App, type AppDeps } from './app.js';
export { buildAppSchema, resolvers } from './schema.js';
export { ErrorCode } from './core/errors.js';
export { issueToken, verifyToken, type TokenSettings } from './auth/token.js';
export { hashPassword } from './auth/password.js';
export { authSettings } from './auth/settings.js';
export { FIELD_ACCESS, SCOPED_FIELDS, SCOPED_TYPES, WRITERS, accessOf } from './auth/policy.js';
export type { Role } from './auth/auth.model.js';
