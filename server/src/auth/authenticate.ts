import type { Logger } from '@chainmap/graph';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { TokenUser } from './auth.model.js';
import { take, type Limiters } from './rate-limit.js';
import { TokenRefused, verifyToken, type TokenSettings } from './token.js';
import { httpError, sendHttpError, type HttpError } from '../core/errors.js';

/** What the authentication check found out about a request. */
export interface RequestAuth {
  user: TokenUser | null;
  /** The client's address (the socket's, or X-Forwarded-For's when TRUST_PROXY is set up). */
  address: string;
}

/** Read what {@link authenticate} attached; anonymous when it did not run. */
export function requestAuth(req: object): RequestAuth {
  return (req as { chainmapAuth?: RequestAuth }).chainmapAuth ?? { user: null, address: 'unknown' };
}

/** Attach what the check found to the request, for the context factory ({@link requestAuth}). */
export function attachAuth(req: object, auth: RequestAuth): void {
  (req as { chainmapAuth?: RequestAuth }).chainmapAuth = auth;
}

/**
 * The check in front of /graphql and /export, free of any HTTP framework: reads
 * `Authorization: Bearer <token>`, refuses a tampered, expired or foreign token (401
 * UNAUTHENTICATED, whatever the request), and counts the request against the caller's limit
 * (429 RATE_LIMITED with Retry-After). Resolves to who is asking, or to the refusal to send.
 */
export function authenticator(deps: {
  tokens: TokenSettings;
  limiters: Limiters;
}): (authorization: string | undefined, address: string) => Promise<RequestAuth | HttpError> {
  return async (header, address) => {
    let user: TokenUser | null = null;
    if (header) {
      const m = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/i.exec(header);
      if (!m) {
        return httpError(401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".', {
          headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' },
        });
      }
      try {
        user = await verifyToken(deps.tokens, m[1]!);
      } catch (e) {
        if (!(e instanceof TokenRefused)) throw e;
        return httpError(401, 'UNAUTHENTICATED', e.message, {
          extensions: { reason: e.reason },
          headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        });
      }
    }
    const wait = await take(deps.limiters.api, user ? `token:${user.tokenId}` : `address:${address}`);
    if (wait !== null) {
      return httpError(429, 'RATE_LIMITED', `Too many requests: wait ${wait} s and try again.`, {
        extensions: { retryAfter: wait },
        headers: { 'Retry-After': String(wait) },
      });
    }
    return { user, address };
  };
}

/** Whether {@link authenticator} refused the request. */
export function isRefusal(r: RequestAuth | HttpError): r is HttpError {
  return 'status' in r;
}

/** {@link authenticator} as express middleware (the /export routes, and /graphql's other requests). */
export function authenticate(deps: {
  tokens: TokenSettings;
  limiters: Limiters;
  logger: Logger;
  /** The client's address (the app's one function, for both paths: TRUST_PROXY). */
  address: (req: IncomingMessage) => string;
}): RequestHandler {
  const check = authenticator(deps);
  return (req: Request, res: Response, next: NextFunction) => {
    check(req.headers.authorization, deps.address(req)).then(
      (r) => {
        if (!isRefusal(r)) {
          attachAuth(req, r);
          return next();
        }
        sendHttpError(res, r);
      },
      (e: unknown) => {
        deps.logger.error({ err: e }, 'authentication failed');
        next(e);
      },
    );
  };
}
