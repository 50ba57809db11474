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
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { principalOf } from '../auth/principal';
import { HEADER_ACTOR_ID, readRequestMeta } from '../commands/request-meta';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency.port';

/**
 * For command requests with an `Idempotency-Key`: the first successful answer is stored and every repeat of the
 * same request gets it back (header `Idempotent-Replayed: true`) without running the command again. The same key
 * with a different request is refused with 422. Failed requests are not stored: they wrote nothing, so a repeat
 * is decided afresh. Records expire after IDEMPOTENCY_RETENTION_HOURS, and name the members they concern, so
 * that ForgetMember can delete them (their fingerprints hash the bodies, and could confirm a guessed name or
 * address of a forgotten member).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // Only commands: a read has nothing to repeat safely, and a stored read would go stale.
    if (request.method !== 'POST' && request.method !== 'PUT') return next.handle();
    const { idempotencyKey } = readRequestMeta(request);
    if (!idempotencyKey) return next.handle();

    const fingerprint = fingerprintOf(request);
    return from(this.store.get(idempotencyKey, this.clock.now().toISOString())).pipe(
      switchMap((existing) => {
        if (existing) {
          if (existing.fingerprint !== fingerprint) throw keyReused(idempotencyKey);
          void reply.header('idempotent-replayed', 'true');
          return of(existing.body);
        }
        return next.handle().pipe(
          switchMap((body) => {
            const now = this.clock.now();
            return from(
              this.store
                .putIfAbsent({
                  key: idempotencyKey,
                  fingerprint,
                  statusCode: reply.statusCode,
                  body,
                  createdAt: now.toISOString(),
                  expiresAt: new Date(now.getTime() + this.config.idempotencyRetentionMs).toISOString(),
                  subjects: subjectsOf(request, body),
                })
                .then((stored) => {
                  if (stored.fingerprint !== fingerprint) throw keyReused(idempotencyKey);
                  return stored.body;
                }),
            );
          }),
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

const MEMBER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every id a request may concern a member by: the sender, whom it acts for, ids in the path, the body's top-level
 * ids and the answer's aggregate. Over-inclusive on purpose (a Doetank's id does no harm): what matters is that a
 * member's own requests, and those about them, are found when they are forgotten.
 */
export function subjectsOf(
  request: Pick<FastifyRequest, 'headers' | 'body' | 'params'>,
  answer: unknown,
): string[] {
  const candidates: unknown[] = [
    principalOf(request as FastifyRequest)?.sub,
    request.headers[HEADER_ACTOR_ID],
    ...Object.values((request.params ?? {}) as Record<string, unknown>),
    ...Object.values(isRecord(request.body) ? request.body : {}),
    isRecord(answer) ? answer.aggregateId : undefined,
  ];
  return [...new Set(candidates.filter((c): c is string => typeof c === 'string' && MEMBER_ID.test(c)))];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
