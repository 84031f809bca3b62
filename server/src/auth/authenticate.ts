import type { Logger } from '@chainmap/graph';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { TokenUser } from './auth.model.js';
import { take, type Limiters } from './rate-limit.js';
import { TokenRefused, verifyToken, type TokenSettings } from './token.js';

/** What the authentication middleware found out about a request. */
export interface RequestAuth {
  user: TokenUser | null;
  /** The client's address (the socket's, or X-Forwarded-For's when TRUST_PROXY is set up). */
  address: string;
}

/** Read what {@link authenticate} attached; anonymous when it did not run. */
export function requestAuth(req: object): RequestAuth {
  return (req as { chainmapAuth?: RequestAuth }).chainmapAuth ?? { user: null, address: 'unknown' };
}

function refuse(res: Response, status: number, code: string, message: string, extra = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/**
 * Express middleware in front of /graphql and /export: reads `Authorization: Bearer <token>`,
 * refuses a tampered, expired or foreign token (401 UNAUTHENTICATED, whatever the request),
 * and counts the request against the caller's limit (429 RATE_LIMITED with Retry-After).
 */
export function authenticate(deps: {
  tokens: TokenSettings;
  limiters: Limiters;
  logger: Logger;
}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      const header = req.headers.authorization;
      let user: TokenUser | null = null;
      if (header) {
        const m = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/i.exec(header);
        if (!m) {
          res.setHeader('WWW-Authenticate', 'Bearer error="invalid_request"');
          return refuse(res, 401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
        }
        try {
          user = await verifyToken(deps.tokens, m[1]!);
        } catch (e) {
          if (!(e instanceof TokenRefused)) throw e;
          res.setHeader('WWW-Authenticate', `Bearer error="invalid_token"`);
          return refuse(res, 401, 'UNAUTHENTICATED', e.message, { reason: e.reason });
        }
      }
      const wait = await take(deps.limiters.api, user ? `token:${user.tokenId}` : `address:${address}`);
      if (wait !== null) {
        res.setHeader('Retry-After', String(wait));
        return refuse(res, 429, 'RATE_LIMITED', `Too many requests: wait ${wait} s and try again.`, {
          retryAfter: wait,
        });
      }
      (req as { chainmapAuth?: RequestAuth }).chainmapAuth = { user, address };
      next();
    })().catch((e: unknown) => {
      deps.logger.error({ err: e }, 'authentication failed');
      next(e);
    });
  };
}
