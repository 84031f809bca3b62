import { errors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { RoleModel, type TokenUser, type UserRecord } from './auth.model.js';

/** How tokens are signed and checked: HS256 with the configured secret, issuer and audience. */
export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

const key = (secret: string) => new TextEncoder().encode(secret);

/** A signed, expiring token for the user; `expiresAt` is its expiry as an ISO date-time. */
export async function issueToken(
  s: TokenSettings,
  user: Pick<UserRecord, 'id' | 'username' | 'role'>,
  now = Date.now(),
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now / 1000);
  const exp = iat + s.ttlSeconds;
  const token = await new SignJWT({ name: user.username, role: user.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(s.issuer)
    .setAudience(s.audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(key(s.secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Why a token was refused, in words a client may see. */
export class TokenRefused extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(
      reason === 'expired' ? 'Your session has expired: sign in again.' : 'The sign-in token is not valid.',
    );
  }
}

/**
 * Check a token's signature (HS256 only), expiry, issuer and audience, and read who it names.
 * Throws {@link TokenRefused} for anything else: tampered, expired, foreign, malformed.
 */
export async function verifyToken(s: TokenSettings, token: string): Promise<TokenUser> {
  try {
    const { payload } = await jwtVerify(token, key(s.secret), {
      algorithms: ['HS256'],
      issuer: s.issuer,
      audience: s.audience,
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    });
    const role = RoleModel.safeParse(payload.role);
    if (!payload.sub || !role.success || typeof payload.name !== 'string') throw new TokenRefused('invalid');
    return { id: payload.sub, username: payload.name, role: role.data, tokenId: payload.jti! };
  } catch (e) {
    if (e instanceof TokenRefused) throw e;
    if (e instanceof errors.JWTExpired) throw new TokenRefused('expired');
    throw new TokenRefused('invalid');
  }
}
