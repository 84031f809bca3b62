import type { Config } from '@chainmap/graph';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The abuse limits (configurable, docs/security.md): sign-in attempts per user name and per client
 * address, and API requests per token (anonymous callers: per address). Counted in this
 * process's memory, so with several API instances each counts its own share.
 */
export interface Limiters {
  signInUser: RateLimiterMemory;
  signInAddress: RateLimiterMemory;
  api: RateLimiterMemory;
}

export function createLimiters(config: Config): Limiters {
  return {
    signInUser: new RateLimiterMemory({
      keyPrefix: 'signin-user',
      points: config.SIGNIN_LIMIT_PER_USER,
      duration: config.SIGNIN_LIMIT_WINDOW_SECONDS,
    }),
    signInAddress: new RateLimiterMemory({
      keyPrefix: 'signin-address',
      points: config.SIGNIN_LIMIT_PER_ADDRESS,
      duration: config.SIGNIN_LIMIT_WINDOW_SECONDS,
    }),
    api: new RateLimiterMemory({
      keyPrefix: 'api',
      points: config.API_LIMIT_PER_TOKEN,
      duration: config.API_LIMIT_WINDOW_SECONDS,
    }),
  };
}

/** Take one point for `key`; the seconds to wait when the limit is reached, else null. */
export async function take(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}
