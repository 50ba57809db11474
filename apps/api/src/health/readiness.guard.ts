import {
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  Optional,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProjectorService } from '@app/projection-runtime';
import { StoresReadiness } from '@app/stores';

const AVAILABLE_WHILE_STARTING = 'slimmernetwerk:available-while-starting';

/** Routes that answer before the stores are ready (health checks, metrics): the guard below lets them through. */
export const AvailableWhileStarting = () => SetMetadata(AVAILABLE_WHILE_STARTING, true);

/** Seconds a client is asked to wait before trying again while a store is not ready (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A 503 problem (with `Retry-After`) for a request that needs a store that is not ready or not answering: the
 * client may try again, and nothing was written.
 */
export function storeUnavailable(reply: FastifyReply | undefined, reason: string): HttpException {
  void reply?.header('retry-after', String(RETRY_AFTER_SECONDS));
  return new HttpException(
    { message: `Not available right now, try again shortly: ${reason}`, code: 'STORE.UNAVAILABLE' },
    HttpStatus.SERVICE_UNAVAILABLE,
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * While the api starts and its stores are not reachable yet (the read store is opened and its collections ensured
 * in the background, see StoresModule and ProjectorService), requests that need them answer 503 with a reason and
 * `Retry-After` instead of failing with a 500: commands while the stores they write are not open, every other
 * route until the read models are prepared. Health checks and metrics answer throughout.
 */
@Injectable()
export class ReadinessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly projector: ProjectorService,
    @Optional() private readonly stores?: StoresReadiness,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (
      this.reflector.getAllAndOverride<boolean>(AVAILABLE_WHILE_STARTING, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reason = SAFE_METHODS.has(request.method) ? this.queriesUnavailable() : this.commandsUnavailable();
    if (reason === undefined) return true;
    throw storeUnavailable(context.switchToHttp().getResponse<FastifyReply>(), reason);
  }

  private commandsUnavailable(): string | undefined {
    const reason = this.stores?.commandStoresUnavailable();
    return reason === undefined ? undefined : `read store unavailable: ${reason}`;
  }

  private queriesUnavailable(): string | undefined {
    const readiness = this.projector.readiness();
    return readiness.ready ? undefined : readiness.reason;
  }
}
