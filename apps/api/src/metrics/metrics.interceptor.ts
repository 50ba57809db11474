import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { toProblem } from '../problem-details/problem-details.filter';
import { Metrics } from './metrics';

const OUTCOME_OF_STATUS: Record<number, string> = {
  400: 'invalid',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid',
  422: 'invalid',
};

/**
 * Counts and times every command (POST/PUT routes of `*HttpController` classes: one controller per command use
 * case), labelled by command and outcome. Domain refusals count as `conflict`, `forbidden` or `not_found`.
 */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const controller = context.getClass().name;
    if ((request.method !== 'POST' && request.method !== 'PUT') || !controller.endsWith('HttpController')) {
      return next.handle();
    }
    const command = controller.replace(/HttpController$/, '');
    const stop = this.metrics.commandDuration.startTimer({ command });
    return next.handle().pipe(
      tap({
        next: () => {
          stop();
          this.metrics.commands.inc({ command, outcome: 'accepted' });
        },
        error: (error: unknown) => {
          stop();
          const status = toProblem(error).status;
          this.metrics.commands.inc({
            command,
            outcome: OUTCOME_OF_STATUS[status] ?? (status >= 500 ? 'error' : 'invalid'),
          });
        },
      }),
    );
  }
}
