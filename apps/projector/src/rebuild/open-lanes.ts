import { availableParallelism } from 'node:os';
import type { EventStore } from '@app/event-store';
import type { PersonalDataReader } from '@app/privacy';
import type { ReadStore } from '@app/read-store';
import type { StoresConfig } from '@app/stores';
import { InProcessLane, type RebuildLane } from './rebuild-lanes';
import { WorkerLane, type WorkerLaneOptions } from './worker-lane';

/**
 * Rebuild lanes by default: two when the machine has two cores or more. Each lane holds its own documents in
 * memory (and a worker its own heap), so more lanes cost memory; two keep a rebuild of a million events within the
 * projector's memory budget (docs/performance.md).
 */
export const defaultRebuildJobs = (): number => Math.min(2, availableParallelism());

/**
 * Heap limits of a worker lane: those `npm run projections:rebuild` gives the main thread (package.json:
 * `--max-old-space-size=192 --max-semi-space-size=4`; the young generation is three semi-spaces).
 */
export const WORKER_LANE_LIMITS: WorkerLaneOptions = {
  maxOldGenerationSizeMb: 192,
  maxYoungGenerationSizeMb: 12,
};

/**
 * `jobs` lanes: this thread on the stores given, plus `jobs - 1` worker threads with stores of their own (from
 * the build only: run from TypeScript sources, this thread is the only lane).
 */
export async function openRebuildLanes(
  jobs: number,
  stores: { eventStore: EventStore; readStore: ReadStore; personalData: PersonalDataReader },
  config: { stores: StoresConfig; batchSize: number },
  workerOptions: WorkerLaneOptions = WORKER_LANE_LIMITS,
): Promise<RebuildLane[]> {
  const lanes: RebuildLane[] = [new InProcessLane(stores, config.batchSize)];
  if (!WorkerLane.available) return lanes;
  try {
    for (let i = 1; i < jobs; i++) {
      lanes.push(
        await WorkerLane.start({ stores: config.stores, batchSize: config.batchSize }, workerOptions),
      );
    }
  } catch (error) {
    await closeLanes(lanes);
    throw error;
  }
  return lanes;
}

export const closeLanes = async (lanes: readonly RebuildLane[]): Promise<void> => {
  await Promise.all(lanes.map((lane) => lane.close()));
};
