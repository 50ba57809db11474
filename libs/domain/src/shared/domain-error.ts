/**
 * Domain errors carry a stable code (`DOETANK.ALREADY_CLOSED`) and a category, never an HTTP status: the API
 * maps categories to statuses in one place.
 *
 * - `invalid`: the command itself is malformed in a way only the domain can see (400)
 * - `not-found`: the aggregate the command addresses does not exist (404)
 * - `not-allowed`: the acting party may not do this (403)
 * - `rule`: a business rule forbids it in the current state (409)
 */
export type DomainErrorCategory = 'invalid' | 'not-found' | 'not-allowed' | 'rule';

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly category: DomainErrorCategory;

  constructor(
    message: string,
    /** Facts that explain the refusal (ids, states), safe to show to the caller. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Any command addressed to an aggregate that does not exist yet. */
export class AggregateNotFoundError extends DomainError {
  readonly category = 'not-found' as const;
  constructor(
    readonly code: string,
    kind: string,
    id: string,
  ) {
    super(`${kind} ${id} does not exist`, { id });
  }
}

/** A create command addressed to an aggregate that already exists. */
export class AggregateAlreadyExistsError extends DomainError {
  readonly category = 'rule' as const;
  constructor(
    readonly code: string,
    kind: string,
    id: string,
  ) {
    super(`${kind} ${id} already exists`, { id });
  }
}

/** A business rule refused the command. */
export class RuleViolationError extends DomainError {
  readonly category = 'rule' as const;
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

/** The command is malformed in a way only the domain can tell (e.g. a theme id of another year). */
export class InvalidCommandError extends DomainError {
  readonly category = 'invalid' as const;
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

/** The acting party may not do this (e.g. a non-member sharing a Doetank's result). */
export class NotAllowedError extends DomainError {
  readonly category = 'not-allowed' as const;
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

/**
 * A command names another aggregate (a Doetank, a theme, members) that does not exist. Same category as
 * {@link AggregateNotFoundError}, but the addressed aggregate itself does exist.
 */
export class ReferenceNotFoundError extends DomainError {
  readonly category = 'not-found' as const;
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}
