/**
 * What a query asked for is not there, for a reason of its own rather than an unknown aggregate (that is the
 * domain's `*.NOT_FOUND`): a revision a stream does not have yet, a moment before its first event. 404 with the
 * code. Like {@link InvalidRequestError}, which status it gets is decided by ProblemDetailsFilter alone.
 */
export class NotFoundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}
