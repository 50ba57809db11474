import { ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_IPV6_SUBNET_PREFIX,
  InjectThrottlerStorage,
  normalizeIp,
  ThrottlerGuard,
  ThrottlerStorage,
  type ThrottlerLimitDetail,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf, SERVICE_SUBJECT } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/** The one throttler's name (ThrottlerModule's default). */
const THROTTLER = 'default';

/**
 * The bucket of a client: one per client for the whole API, not one per route (the throttler's own key names the
 * controller and handler, which gave a client RATE_LIMIT_MAX requests on every route).
 */
const bucketOf = (tracker: string) => `rate:${tracker}`;

/**
 * The client address: `request.ip`, which Fastify takes from X-Forwarded-For only as far as HTTP_TRUST_PROXY
 * trusts. An IPv6 address counts as its /64 (what one subscriber is given; the throttler's own default tracker does
 * the same), so rotating addresses inside it is no way around the limit.
 */
const addressOf = (request: { ip?: unknown }) =>
  typeof request.ip === 'string' ? `ip:${normalizeIp(request.ip, DEFAULT_IPV6_SUBNET_PREFIX)}` : 'ip:unknown';

const tooMany = (limit: number, ttlMs: number, retryAfterSeconds: number) =>
  new HttpException(
    {
      message: `Too many requests: at most ${limit} per ${Math.round(ttlMs / 1000)} s; try again in ${retryAfterSeconds} s`,
      code: 'RATE_LIMIT.EXCEEDED',
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );

/**
 * Rate limiting (RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_SECONDS) per client: the token's subject when the
 * request carries a verified token (AuthGuard runs first), else the client address (behind a proxy, the address
 * the trusted proxies saw: HTTP_TRUST_PROXY). One bucket per client across all routes. Service tokens
 * (`sub: system`, in-process imports) are not limited; RATE_LIMIT_MAX=0 turns it off. Over the limit: 429 with
 * `Retry-After`. Requests refused by authentication never get here: AuthGuard counts them ({@link RefusalCounter}).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const principal = principalOf(context.switchToHttp().getRequest<FastifyRequest>());
    return principal?.sub === SERVICE_SUBJECT;
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = principalOf(request as unknown as FastifyRequest);
    return principal ? `sub:${principal.sub}` : addressOf(request);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return bucketOf(tracker);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw tooMany(detail.limit, detail.ttl, detail.timeToBlockExpire);
  }
}

/**
 * Counts a request that authentication refuses (no token where one is needed, or a token that does not verify)
 * against its address's bucket, the same bucket RateLimitGuard fills for anonymous requests: guessing tokens
 * costs requests like anything else. Once the bucket is used up, the refusal becomes a 429 with `Retry-After`.
 */
@Injectable()
export class RefusalCounter {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the refusal; returns the 429 to answer instead when the address has no requests left. */
  async count(request: FastifyRequest, reply: FastifyReply | undefined): Promise<HttpException | undefined> {
    const { max, windowSeconds } = this.config.rateLimit;
    if (max === 0) return undefined;
    const ttl = windowSeconds * 1000;
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      bucketOf(addressOf(request)),
      ttl,
      max,
      ttl,
      THROTTLER,
    );
    if (!isBlocked) return undefined;
    void reply?.header('retry-after', String(timeToBlockExpire));
    return tooMany(max, ttl, timeToBlockExpire);
  }
}
