/**
 * Domain errors are data: a stable code (`DOETANK.ALREADY_CLOSED`), a category and the facts behind the refusal
 * (`params`), with the message rendered from the code's template. Each aggregate keeps a table of its codes
 * (`*.errors.ts`); `domainError(code, params)` (`../domain-errors`) makes the error. The category, never an HTTP
 * status, is what the API maps, in one place:
 *
 * - `invalid`: the command itself is malformed in a way only the domain can see (400)
 * - `not-found`: the aggregate the command addresses, or one it names, does not exist (404)
 * - `not-allowed`: the acting party may not do this (403)
 * - `rule`: a business rule forbids it in the current state (409)
 */
export type DomainErrorCategory = 'invalid' | 'not-found' | 'not-allowed' | 'rule';

/** One row of an error table: the code's category and the template of its message. */
export interface ErrorTemplate<Params extends object> {
  readonly category: DomainErrorCategory;
  readonly message: (params: Params) => string;
}

/** An aggregate's error table: code -> template. */
export type ErrorTable = Readonly<Record<string, ErrorTemplate<never>>>;

/** The one class of domain refusals; codes tell them apart. */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly category: DomainErrorCategory,
    /** Facts that explain the refusal (ids, states), safe to show to the caller. */
    readonly params: Readonly<Record<string, unknown>>,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

const template =
  (category: DomainErrorCategory) =>
  <Params extends object>(message: (params: Params) => string): ErrorTemplate<Params> => ({
    category,
    message,
  });

/** Table rows by category. */
export const invalid = template('invalid');
export const notFound = template('not-found');
export const notAllowed = template('not-allowed');
export const rule = template('rule');

/**
 * The two refusals of every aggregate with a create command, `<PREFIX>.NOT_FOUND` (a command addressed to one
 * that does not exist, yet) and `<PREFIX>.ALREADY_EXISTS` (a create command addressed to one that exists).
 */
export const aggregateErrors = <Prefix extends string>(prefix: Prefix, kind: string) =>
  ({
    [`${prefix}.NOT_FOUND`]: notFound(({ id }: { id: string }) => `${kind} ${id} does not exist`),
    [`${prefix}.ALREADY_EXISTS`]: rule(({ id }: { id: string }) => `${kind} ${id} already exists`),
  }) as Record<`${Prefix}.${'NOT_FOUND' | 'ALREADY_EXISTS'}`, ErrorTemplate<{ id: string }>>;
