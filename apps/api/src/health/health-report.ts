import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal';

/**
 * What a health report shows its caller. Health checkers and load balancers ask without a token and need only
 * up or down (the status code, and `status`); the checks' details (stores, projection positions, lag, errors)
 * are for signed-in callers: positions and errors told anonymous callers how far the history goes and what is
 * failing inside.
 */
export function healthReportFor(request: FastifyRequest | undefined, report: unknown): unknown {
  if (request && principalOf(request)) return report;
  const status =
    typeof report === 'object' && report !== null && 'status' in report ? report.status : undefined;
  return { status };
}
