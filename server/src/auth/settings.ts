import type { Config } from '@chainmap/graph';
import type { AuthSettings } from '../core/context.js';
import { createLimiters } from './rate-limit.js';

/** The auth settings of one API process, from the configuration. */
export function authSettings(config: Config): AuthSettings {
  return {
    anonymousRead: config.anonymousRead,
    tokens: {
      secret: config.authSecret,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ttlSeconds: config.AUTH_TOKEN_TTL_SECONDS,
    },
    limiters: createLimiters(config),
  };
}
