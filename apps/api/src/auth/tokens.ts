import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { ENTITY_ID_PATTERN } from '@app/contracts';
import { ROLES, SERVICE_SUBJECT, type Principal, type Role } from './principal';

/** What verifying and signing tokens needs to know (AppConfig['auth'] plus the secret in use). */
export interface TokenSettings {
  /** HS256 secret: configured, or made once per embedded database. */
  secret?: string;
  /** RS256/ES256 keys of an identity provider. */
  jwksUrl?: string;
  issuer?: string;
  audience: string;
  roleClaim: string;
  /** Longest lifetime (`exp` - `iat`) a token may have, in seconds (AUTH_MAX_TOKEN_LIFETIME; default a day). */
  maxLifetimeSeconds?: number;
}

/** AUTH_MAX_TOKEN_LIFETIME's default: a working day and then some; identity providers issue an hour or less. */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 24 * 3600;

/** A token that does not verify; the message is safe to show (it says what is wrong, never the token). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Longest token accepted: JWTs of identity providers are a few KB at most. */
const MAX_TOKEN_LENGTH = 8192;
const ASYMMETRIC = ['RS256', 'ES256'];
/** Clock skew allowed on `exp` and `nbf`, in seconds. */
const CLOCK_TOLERANCE_S = 30;
/** Longest a verified token is trusted without checking its signature again. */
const VERIFIED_TTL_MS = 60_000;

/**
 * Verifies bearer tokens and, when a secret is at hand, signs them (the token CLI, in-process imports). A token
 * must be signed with HS256 by the secret or with RS256/ES256 by a key from the JWKS URL, be unexpired (30 s of
 * clock skew allowed), name this API as its audience (and the configured issuer, if any), and carry a subject
 * (`sub`: a member id, or `system` for a coordinator service token) and a role. It must also say when it was issued
 * (`iat`, not in the future) and live no longer than the maximum lifetime (`exp - iat`): a token without an expiry
 * worth the name (`exp: 1e20`) would outlive every membership and revocation, so it is refused, not capped.
 */
export class TokenService {
  private readonly secretKey?: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /**
   * Tokens verified in the last minute (a client sends the same one with every request): verifying a signature
   * costs more than a small command's whole work. An entry never outlives the token's own expiry.
   */
  private readonly verified: LRUCache<string, Principal>;

  constructor(
    private readonly settings: TokenSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.verified = new LRUCache({ max: 10_000, ttl: VERIFIED_TTL_MS, ttlResolution: 0, perf: { now } });
    if (settings.secret) this.secretKey = new TextEncoder().encode(settings.secret);
    if (settings.jwksUrl)
      this.jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 });
  }

  get canSign(): boolean {
    return this.secretKey !== undefined;
  }

  private get maxLifetimeSeconds(): number {
    return this.settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_S;
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return { ...known };
    const { principal, exp } = await this.verifySignedToken(token);
    const expiresInMs = (exp + CLOCK_TOLERANCE_S) * 1000 - this.now();
    if (expiresInMs > 0) this.verified.set(token, principal, { ttl: Math.min(VERIFIED_TTL_MS, expiresInMs) });
    return { ...principal };
  }

  private async verifySignedToken(token: string): Promise<{ principal: Principal; exp: number }> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('malformed token');
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('malformed token');
    }
    let payload: JWTPayload;
    try {
      const options = {
        audience: this.settings.audience,
        issuer: this.settings.issuer,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_S,
        // jose refuses an `iat` later than now (beyond the tolerance) and one older than this (JWTExpired):
        // jose 6.x, lib/jwt_claims_set (validateClaimsSet, the `maxTokenAge` branch).
        maxTokenAge: this.maxLifetimeSeconds,
        currentDate: new Date(this.now()),
      };
      if (alg === 'HS256' && this.secretKey) {
        ({ payload } = await jwtVerify(token, this.secretKey, { ...options, algorithms: ['HS256'] }));
      } else if (alg && ASYMMETRIC.includes(alg) && this.jwks) {
        ({ payload } = await jwtVerify(token, this.jwks, { ...options, algorithms: ASYMMETRIC }));
      } else {
        throw new InvalidTokenError(`tokens signed with ${alg ?? 'no algorithm'} are not accepted`);
      }
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(describe(error));
    }
    // jwtVerify required `exp` and `iat` (requiredClaims) and checked that both are numbers.
    const exp = payload.exp!;
    const iat = payload.iat!;
    if (exp - iat > this.maxLifetimeSeconds) {
      throw new InvalidTokenError(
        `the token lives longer than ${this.maxLifetimeSeconds} s (exp - iat); ask for a shorter-lived token`,
      );
    }
    return { principal: { ...principalFrom(payload, this.settings.roleClaim), issuedAt: iat }, exp };
  }

  /** A signed token for `principal`, valid for `ttlSeconds`. Needs the HS256 secret. */
  async sign(principal: Principal, ttlSeconds: number, now = new Date()): Promise<string> {
    if (!this.secretKey) {
      throw new Error('No AUTH_JWT_SECRET here: tokens are issued by the identity provider (AUTH_JWKS_URL)');
    }
    if (ttlSeconds > this.maxLifetimeSeconds) {
      throw new Error(
        `A token may live ${this.maxLifetimeSeconds} s at most (AUTH_MAX_TOKEN_LIFETIME); asked for ${ttlSeconds} s`,
      );
    }
    const issuedAt = Math.floor(now.getTime() / 1000);
    let jwt = new SignJWT({ [this.settings.roleClaim]: principal.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.sub)
      .setAudience(this.settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds);
    if (this.settings.issuer) jwt = jwt.setIssuer(this.settings.issuer);
    return jwt.sign(this.secretKey);
  }
}

function principalFrom(payload: JWTPayload, roleClaim: string): Omit<Principal, 'issuedAt'> {
  const role = payload[roleClaim];
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`the token's ${roleClaim} claim must be one of ${ROLES.join(', ')}`);
  }
  const sub = payload.sub ?? '';
  if (sub === SERVICE_SUBJECT) {
    if (role !== 'coordinator')
      throw new InvalidTokenError(`only a coordinator token may have sub "${SERVICE_SUBJECT}"`);
  } else if (!ENTITY_ID_PATTERN.test(sub)) {
    throw new InvalidTokenError("the token's sub claim must be a member id (a lowercase UUID)");
  }
  return { sub, role: role as Role };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim} is not valid: ${error.reason}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the identity provider matches the token';
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return "the identity provider's keys could not be fetched";
  }
  return 'malformed token';
}

/** `8h`, `30m`, `7d`, `90s` or a number of seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new Error(`--ttl ${text}: use a number of seconds or e.g. 30m, 8h, 7d`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds < 1 || seconds > 366 * 86400) throw new Error(`--ttl ${text}: from 1 second to a year`);
  return seconds;
}
