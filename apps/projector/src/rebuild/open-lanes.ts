import type { EventStore } from '@app/event-store';
import type { PersonalDataReader } from '@app/privacy';
import type { ReadStore } from '@app/read-store';
import type { StoresConfig } from '@app/stores';
import { InProcessLane, type RebuildLane } from './rebuild-lanes';
import { WorkerLane, type WorkerLaneOptions } from './worker-lane';

/**
 * Rebuild lanes by default: one. Measured on two cores at 100k events (docs/performance.md), two lanes finish
 * `all` about 1.25x sooner but take about 100 MB more (a second heap and document cache), which puts a rebuild of a
 * million events over the projector's 300 MB budget; smaller young generations bring the memory back and the
 * time with it. `--jobs 2` is there for machines with memory to spare.
 */
export const DEFAULT_REBUILD_JOBS = 1;

/**
 * Heap limits of a worker lane: the old generation of the one `npm run projections:rebuild` gives the main thread
 * (package.json), and a young generation of 48 MB (three semi-spaces of 16 MB).
 */
export const WORKER_LANE_LIMITS: WorkerLaneOptions = {
  maxOldGenerationSizeMb: 192,
  maxYoungGenerationSizeMb: 48,
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
