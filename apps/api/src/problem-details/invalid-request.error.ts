/**
 * A request that passed validation at the edge but cannot be carried out as sent: 400 `REQUEST.INVALID`, like a
 * body the ValidationPipe refuses. Handlers throw this or a domain error, never Nest's HTTP exceptions (a query's own 404 is NotFoundError): which status
 * an error gets is decided in one place, ProblemDetailsFilter.
 */
export class InvalidRequestError extends Error {
  readonly code = 'REQUEST.INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}
