import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, Observable, of, switchMap } from 'rxjs';
import { CLOCK, type Clock } from '../commands/clock';
import { principalOf } from '../auth/principal';
import { HEADER_ACTOR_ID, readRequestMeta } from '../commands/request-meta';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency.port';

/**
 * For command requests with an `Idempotency-Key`: the first successful answer is stored and every repeat of the
 * same request gets it back (header `Idempotent-Replayed: true`) without running the command again. The same key
 * with a different request is refused with 422. Failed requests are not stored: they wrote nothing, so a repeat
 * is decided afresh.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // Only commands: a read has nothing to repeat safely, and a stored read would go stale.
    if (request.method !== 'POST' && request.method !== 'PUT') return next.handle();
    const { idempotencyKey } = readRequestMeta(request);
    if (!idempotencyKey) return next.handle();

    const fingerprint = fingerprintOf(request);
    return from(this.store.get(idempotencyKey)).pipe(
      switchMap((existing) => {
        if (existing) {
          if (existing.fingerprint !== fingerprint) throw keyReused(idempotencyKey);
          void reply.header('idempotent-replayed', 'true');
          return of(existing.body);
        }
        return next.handle().pipe(
          switchMap((body) =>
            from(
              this.store
                .putIfAbsent({
                  key: idempotencyKey,
                  fingerprint,
                  statusCode: reply.statusCode,
                  body,
                  createdAt: this.clock.now().toISOString(),
                })
                .then((stored) => {
                  if (stored.fingerprint !== fingerprint) throw keyReused(idempotencyKey);
                  return stored.body;
                }),
            ),
          ),
        );
      }),
    );
  }
}

const keyReused = (key: string) =>
  new UnprocessableEntityException({
    message: `Idempotency-Key ${key} was already used for a different request`,
    code: 'IDEMPOTENCY.KEY_REUSED',
  });

/**
 * What makes two requests "the same": method, path, who sends it (the token's subject and role, and whom it acts
 * for) and body (key order does not matter). Another member reusing a key gets 422, not someone else's answer.
 */
export function fingerprintOf(request: Pick<FastifyRequest, 'method' | 'url' | 'headers' | 'body'>): string {
  const onBehalfOf = request.headers[HEADER_ACTOR_ID] ?? '';
  const principal = principalOf(request as FastifyRequest);
  const sender = principal ? `${principal.role}:${principal.sub}` : 'anonymous';
  return createHash('sha256')
    .update(
      `${request.method} ${request.url.split('?')[0]} ${sender} ${String(onBehalfOf)}\n${canonicalJson(request.body ?? null)}`,
    )
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
