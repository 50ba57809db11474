import { parseArgs } from 'node:util';
import type { Projection } from '@app/projections';
import { type PrunedIndex, type ReadStore, UnknownCollectionError } from '@app/read-store';

export const INDEXES_USAGE = (
  names: readonly string[],
) => `Usage: npm run projections:indexes -- [${names.join('|')}|all] [--drop-undeclared]

Lists the indexes of the read models' active collections that this build no longer declares (or declares with
other fields), and with --drop-undeclared drops them and builds the declared ones as declared.

Starting an api or a projector never drops an index: during a rolling deploy the build still running may use it.
Run this once every api and projector runs this build. Without --drop-undeclared it changes nothing.`;

export interface IndexArguments {
  projections: Projection[];
  drop: boolean;
}

export function parseIndexArguments(
  args: readonly string[],
  all: readonly Projection[],
): IndexArguments | { exit: number; message: string } {
  const usage = INDEXES_USAGE(all.map((p) => p.name));
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        'drop-undeclared': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch {
    // An unknown option, or a value given to one that takes none.
    return { exit: 2, message: usage };
  }
  const { values, positionals: rest } = parsed;
  if (values.help) return { exit: 0, message: usage };
  const drop = values['drop-undeclared'];
  if (drop && values['dry-run']) {
    return { exit: 2, message: `--dry-run and --drop-undeclared exclude each other.\n\n${usage}` };
  }
  if (rest.length > 1) return { exit: 2, message: usage };
  const wanted = rest[0] ?? 'all';
  const projections = wanted === 'all' ? [...all] : all.filter((p) => p.name === wanted);
  if (projections.length === 0) return { exit: 2, message: `Unknown projection "${wanted}".\n\n${usage}` };
  return { projections, drop };
}

const REASONS: Record<PrunedIndex['reason'], string> = {
  undeclared: 'no longer declared',
  changed: 'declared with other fields: built again as declared',
};

/**
 * Prunes (or, without `drop`, lists) the undeclared indexes of each projection's active collections. Returns the
 * lines to print. A collection the projector has not created yet is reported and skipped.
 */
export async function pruneProjectionIndexes(
  readStore: ReadStore,
  projections: readonly Projection[],
  drop: boolean,
): Promise<string[]> {
  const lines: string[] = [];
  let found = 0;
  for (const projection of projections) {
    for (const declaration of projection.collections) {
      let pruned: PrunedIndex[];
      try {
        pruned = await readStore.pruneIndexes([declaration], { dryRun: !drop });
      } catch (error) {
        if (!(error instanceof UnknownCollectionError)) throw error;
        lines.push(`${declaration.name}: not created yet (the projector creates it); skipped`);
        continue;
      }
      found += pruned.length;
      for (const { collection, version, index, reason } of pruned) {
        lines.push(
          `${collection} v${version}: index ${index} (${REASONS[reason]}) ${drop ? 'dropped' : 'would be dropped'}`,
        );
      }
    }
  }
  if (found === 0) lines.push('Every index is a declared one; nothing to drop.');
  else if (!drop) lines.push(`${found} to drop; run again with --drop-undeclared to drop them.`);
  return lines;
}
