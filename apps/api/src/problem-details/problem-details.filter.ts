import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorCategory } from '@app/domain';
import { StreamNotFoundError, WrongExpectedRevisionError } from '@app/event-store';
import { SubjectForgottenError } from '@app/privacy';
import { isTransientStoreError } from '@app/resilience';
import { AuthenticationRequiredError } from '../auth/auth.errors';
import { ConcurrencyConflictError, IdempotencyKeyOfAnotherSenderError } from '../commands/command-runner';
import { healthReportFor } from '../health/health-report';
import { RETRY_AFTER_SECONDS } from '../health/readiness.guard';
import type { InvalidField } from '../shared/api-validation.pipe';
import { InvalidRequestError } from './invalid-request.error';
import { NotFoundError } from './not-found.error';

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `DOETANK.ALREADY_CLOSED` or `REQUEST.INVALID`. */
  code: string;
  /** Every validation message, for 400s. */
  errors?: string[];
  /** The same rules by field and constraint, for 400s of request validation (a client's own words for them). */
  fields?: InvalidField[];
  /** Facts behind a domain refusal (ids, states): the parameters of its message. */
  details?: Record<string, unknown>;
}

const STATUS_OF_CATEGORY: Record<DomainErrorCategory, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  'not-allowed': HttpStatus.FORBIDDEN,
  rule: HttpStatus.CONFLICT,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const problemType = (code: string) =>
  `https://slimmernetwerk.nl/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;

/** Turns any error into a problem-details response; the one place where errors meet HTTP statuses. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  const make = (
    status: number,
    code: string,
    detail: string,
    extra: Partial<ProblemDetails> = {},
  ): ProblemDetails => ({
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    ...extra,
  });

  if (error instanceof DomainError) {
    return make(STATUS_OF_CATEGORY[error.category], error.code, error.message, {
      details: { ...error.params },
    });
  }
  if (error instanceof InvalidRequestError) return make(400, error.code, error.message);
  if (error instanceof NotFoundError) return make(404, error.code, error.message);
  if (error instanceof ConcurrencyConflictError || error instanceof WrongExpectedRevisionError) {
    return make(409, 'CONCURRENCY.CONFLICT', error.message);
  }
  if (error instanceof IdempotencyKeyOfAnotherSenderError) return make(422, error.code, error.message);
  if (error instanceof StreamNotFoundError) return make(404, 'STREAM.NOT_FOUND', error.message);
  // A store that is away, busy or did not answer in time (its adapter said so): the client may try again, with the
  // same Idempotency-Key for a command. An append that timed out may have been written; the retry is recognised by
  // its key (see the command runner), so it never writes twice.
  if (isTransientStoreError(error)) {
    return make(
      503,
      'STORE.UNAVAILABLE',
      'Not available right now, try again shortly: a store did not answer; with the same Idempotency-Key a ' +
        'command is applied at most once',
    );
  }
  if (error instanceof SubjectForgottenError) return make(409, error.code, error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const messages =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: unknown }).message
        : error.message;
    const list = Array.isArray(messages) ? messages.map(String) : undefined;
    const code =
      typeof response === 'object' && response !== null && 'code' in response
        ? String((response as { code: unknown }).code)
        : defaultCode(status);
    const fields =
      typeof response === 'object' &&
      response !== null &&
      'fields' in response &&
      Array.isArray(response.fields)
        ? (response.fields as InvalidField[])
        : undefined;
    const detail = list ? `The request is invalid: ${list.join('; ')}` : String(messages);
    return make(status, code, detail, { ...(list && { errors: list }), ...(fields && { fields }) });
  }
  // Errors of the HTTP layer itself (body parser, content type) carry a statusCode but no Nest class.
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyError?.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return make(
      fastifyError.statusCode,
      defaultCode(fastifyError.statusCode),
      httpLayerMessage(fastifyError),
    );
  }
  return make(500, 'INTERNAL', 'Something went wrong on our side; it has been logged');
}

function defaultCode(status: number): string {
  switch (status) {
    case 400:
      return 'REQUEST.INVALID';
    case 404:
      return 'ROUTE.NOT_FOUND';
    case 413:
      return 'REQUEST.TOO_LARGE';
    case 414:
      return 'REQUEST.URL_TOO_LONG';
    case 415:
      return 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
    default:
      return `HTTP.${status}`;
  }
}

function httpLayerMessage(error: { statusCode?: number; code?: string; message?: string }): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than this server accepts';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is empty; send a JSON object';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return `The body is not valid JSON: ${error.message ?? ''}`.trim();
    default:
      return error.message && error.statusCode === 400
        ? `The body is not valid JSON: ${error.message}`
        : (error.message ?? 'Bad request');
  }
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isHealthReport(error)) {
      // A failing health check answers 503 with the checks' report, as health checkers expect it (its details
      // for signed-in callers only).
      void reply.status(503).send(healthReportFor(request, error.getResponse()));
      return;
    }
    const problem = toProblem(error, request?.url);
    if (problem.status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (problem.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    // RFC 9110/6750: a 401 says how to authenticate.
    if (problem.status === 401) {
      void reply.header(
        'www-authenticate',
        error instanceof AuthenticationRequiredError ? error.challenge : 'Bearer realm="slimmernetwerk"',
      );
    }
    void reply.status(problem.status).header('content-type', 'application/problem+json').send(problem);
  }
}

/** Terminus reports an unhealthy check as a 503 whose body is the report (`status`, `info`, `error`, `details`). */
function isHealthReport(error: unknown): error is HttpException {
  if (!(error instanceof HttpException) || error.getStatus() !== 503) return false;
  const body = error.getResponse();
  return typeof body === 'object' && body !== null && 'details' in body && 'status' in body;
}
