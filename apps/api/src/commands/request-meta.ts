import {
  BadRequestException,
  createParamDecorator,
  UnauthorizedException,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { ENTITY_ID_PATTERN, SYSTEM_ACTOR } from '@app/contracts';

/** Headers a command request may carry; documented in OpenAPI by `@ApiCommandHeaders()`. */
export const HEADER_IDEMPOTENCY_KEY = 'idempotency-key';
export const HEADER_CORRELATION_ID = 'x-correlation-id';
export const HEADER_ACTOR_ID = 'x-actor-id';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const CORRELATION_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** How far ahead of the server's clock a business time may lie (clock skew between client and server). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * Who sent a request, as the authentication verified it from the bearer token: AuthGuard puts it on the request
 * (auth depends on the commands' edge, not the other way round); commands read who acts from it.
 */
export interface RequestSender {
  /** Member id, or `system` for a service token. */
  readonly sub: string;
  readonly role: string;
}

const SENDER = Symbol('request sender');

export const senderOf = (request: FastifyRequest): RequestSender | undefined =>
  (request as FastifyRequest & { [SENDER]?: RequestSender })[SENDER];

export const setSender = (request: FastifyRequest, sender: RequestSender): void => {
  (request as FastifyRequest & { [SENDER]?: RequestSender })[SENDER] = sender;
};

/** Request-level facts of a command, before the business time is known (that comes with the body). */
export interface RequestMeta {
  /**
   * Who acts: the verified token's subject, or, for a coordinator recording what someone else did (an import of
   * history), the `X-Actor-Id` header. Never from the body.
   */
  actorId?: string;
  /** The token's subject when it records on behalf of `actorId` (X-Actor-Id); kept in the event metadata. */
  recordedBy?: string;
  /** The token is a coordinator's. */
  actsAsCoordinator: boolean;
  correlationId: string;
  requestId: string;
  idempotencyKey?: string;
}

const single = (value: string | string[] | undefined, name: string): string | undefined => {
  if (Array.isArray(value)) throw new BadRequestException(`Header ${name} must be given once`);
  return value;
};

export function readRequestMeta(request: FastifyRequest): RequestMeta {
  const key = single(request.headers[HEADER_IDEMPOTENCY_KEY], 'Idempotency-Key');
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 200 visible ASCII characters');
  }
  const correlationId = single(request.headers[HEADER_CORRELATION_ID], 'X-Correlation-Id');
  if (correlationId !== undefined && !CORRELATION_PATTERN.test(correlationId)) {
    throw new BadRequestException(
      'X-Correlation-Id must be 1 to 128 characters of A-Z, a-z, 0-9, ".", "_", ":", "-"',
    );
  }
  const onBehalfOf = single(request.headers[HEADER_ACTOR_ID], 'X-Actor-Id');
  // The id rule of bodies and paths: a lowercase UUID of versions 1 to 8, so not the nil or max UUID, which name
  // nobody, nor an uppercase spelling, which would name another stream than the member's.
  if (onBehalfOf !== undefined && onBehalfOf !== SYSTEM_ACTOR && !ENTITY_ID_PATTERN.test(onBehalfOf)) {
    throw new BadRequestException(
      'X-Actor-Id must be a member id (a lowercase UUID, not the nil UUID) or "system"',
    );
  }
  // AuthGuard has verified the token and allows X-Actor-Id only from coordinators (or naming oneself).
  const sender = senderOf(request);
  const actorId = onBehalfOf ?? sender?.sub;
  const recordedBy = sender && actorId !== sender.sub ? sender.sub : undefined;
  const requestId = String(request.id ?? randomUUID());
  return {
    actorId,
    ...(recordedBy !== undefined && { recordedBy }),
    actsAsCoordinator: sender?.role === 'coordinator',
    correlationId: correlationId ?? requestId,
    requestId,
    idempotencyKey: key,
  };
}

/** Controller parameter: the command's request-level metadata (validated headers). */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta =>
  readRequestMeta(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/**
 * Completes the request's metadata with the business time. The actor is the token's subject (see
 * {@link RequestMeta.actorId}); a command route always has one, as AuthGuard refuses anonymous writes.
 */
export function toCommandMeta(
  request: RequestMeta,
  occurredAt: string | undefined,
  now: Date,
): import('./command-meta').CommandMeta {
  let time = now;
  if (occurredAt !== undefined) {
    time = new Date(occurredAt);
    if (Number.isNaN(time.getTime()))
      throw new BadRequestException('occurredAt must be an ISO-8601 date-time');
    if (time.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
      throw new BadRequestException(
        `occurredAt ${occurredAt} lies in the future; business time is when it happened`,
      );
    }
  }
  if (request.actorId === undefined) {
    throw new UnauthorizedException({
      message: 'A command needs a bearer token',
      code: 'AUTH.TOKEN_MISSING',
    });
  }
  return {
    actorId: request.actorId,
    ...(request.recordedBy !== undefined && { recordedBy: request.recordedBy }),
    actsAsCoordinator: request.actsAsCoordinator,
    occurredAt: time.toISOString(),
    correlationId: request.correlationId,
    causationId: request.requestId,
    idempotencyKey: request.idempotencyKey,
  };
}
