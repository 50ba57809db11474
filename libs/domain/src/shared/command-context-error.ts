/**
 * The handler passed facts in a command's `context` that do not fit the command (missing, or about another
 * member than the one the command names). That is a bug in the handler, not a mistake of the caller, so this
 * is deliberately not a {@link DomainError}: the API should answer 500, not 4xx.
 */
export class CommandContextError extends Error {
  constructor(
    readonly commandType: string,
    message: string,
  ) {
    super(`${commandType}: ${message}`);
    this.name = new.target.name;
  }
}

/** A yes-or-no fact the handler must put in the context (`what`: "Doetank <id> exists"); throws when it did not. */
export const requireFact = (commandType: string, fact: boolean | undefined, what: string): boolean => {
  if (fact === undefined)
    throw new CommandContextError(commandType, `the context does not say whether ${what}`);
  return fact;
};
