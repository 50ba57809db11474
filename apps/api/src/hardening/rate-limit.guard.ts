import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { principalOf, SERVICE_SUBJECT } from '../auth/principal';

/**
 * Rate limiting (RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_SECONDS) per client: the token's subject when the
 * request carries a verified token (AuthGuard runs first), else the client address (behind a proxy, with
 * HTTP_TRUST_PROXY, the forwarded one). Service tokens (`sub: system`, in-process imports) are not limited;
 * RATE_LIMIT_MAX=0 turns it off. Over the limit: 429 with `Retry-After`.
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
    return principal ? `sub:${principal.sub}` : `ip:${String(request.ip ?? 'unknown')}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new HttpException(
      {
        message: `Too many requests: at most ${detail.limit} per ${Math.round(detail.ttl / 1000)} s; try again in ${detail.timeToBlockExpire} s`,
        code: 'RATE_LIMIT.EXCEEDED',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
