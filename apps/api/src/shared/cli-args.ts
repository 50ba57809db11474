import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad command-line input: the CLI prints the message and its usage, and exits with 2. */
export class UsageError extends Error {}

type CliOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` `parseArgs` (strict, positionals allowed; `--name value` and `--name=value`), with its errors as
 * UsageErrors in the CLIs' words: `Unknown option --pages.`, `--out needs a value.` (also for `--out=` or a value
 * that starts with a dash, which Node's parser calls ambiguous), `--dry-run takes no value.`
 */
export function parseCliArgs<const Options extends CliOptions>(args: readonly string[], options: Options) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`--${name} needs a value.`);
  }
  return { values: parsed.values, positionals: parsed.positionals as string[] };
}

/** Where a CLI prints: its usage after `--help` goes to `out`, a usage error to `err`. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * A CLI's options as `parse` reads them from its arguments, or the exit code it ends with: 0 after `--help` or
 * `-h` (the usage on `out`), 2 for a {@link UsageError} (its message and the usage on `err`).
 */
export function optionsOrExit<Options>(
  args: readonly string[],
  usage: string,
  parse: (args: readonly string[]) => Options,
  print: CliOutput,
): { options: Options } | { exit: 0 | 2 } {
  if (args.includes('--help') || args.includes('-h')) {
    print.out(usage);
    return { exit: 0 };
  }
  try {
    return { options: parse(args) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    print.err(`${error.message}\n\n${usage}`);
    return { exit: 2 };
  }
}

function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // Node names the option in quotes: "Unknown option '--pages'. ...", "Option '--out <value>' argument missing".
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (!option) return message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${option}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take an argument')
      ? `${option} takes no value.`
      : `${option} needs a value.`;
  }
  return message;
}
