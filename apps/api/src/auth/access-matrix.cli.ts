import { readFileSync, writeFileSync } from 'node:fs';
import { parseCliArgs, UsageError } from '../shared/cli-args';
import { withAccessMatrix } from './access-matrix';

const USAGE = 'Usage: npm run docs:access-matrix [-- <file>] (default docs/security.md)';

// `npm run docs:access-matrix`: writes the authorisation matrix into docs/security.md between its markers.
function main(args: string[]): number {
  let file: string;
  try {
    const { positionals } = parseCliArgs(args, {});
    if (positionals.length > 1) throw new UsageError(`One file at a time, not ${positionals.join(' ')}.`);
    file = positionals[0] ?? 'docs/security.md';
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  writeFileSync(file, withAccessMatrix(readFileSync(file, 'utf8')));
  console.log(`${file}: access matrix updated`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
