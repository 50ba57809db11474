import type { EventStore } from '@app/event-store';
import type { PersonalDataReader } from '@app/privacy';
import { ALL_PROJECTIONS, type Projection } from '@app/projections';
import { rebuildProjection, type RebuildResult, type RunnerLogger } from '@app/projections/runner';
import type { ReadStore } from '@app/read-store';

/** Where rebuilds run: this thread, or a worker thread with stores of its own (see `WorkerLane`). */
export interface RebuildLane {
  rebuild(
    projection: string,
    onProgress: (position: number, applied: number) => void,
  ): Promise<RebuildResult>;
  close(): Promise<void>;
}

export interface LaneEvents {
  started?(projection: string, lane: number): void;
  progress?(projection: string, position: number, applied: number): void;
  finished?(projection: string, result: RebuildResult, seconds: number): void;
}

/**
 * Rebuilds the projections on the lanes at the same time: each lane takes the next projection in the order given
 * whenever it is free (give the longest first). Each projection is rebuilt by `rebuildProjection` into its own new
 * version, so lanes share nothing but the stores, and an interrupted run resumes per projection.
 *
 * After a failure no further projection is started; the ones running finish, then the first failure is thrown.
 * A projection that was not rebuilt keeps its readers on the version they had.
 */
export async function rebuildOnLanes(
  projections: readonly string[],
  lanes: readonly RebuildLane[],
  events: LaneEvents = {},
): Promise<RebuildResult[]> {
  if (lanes.length === 0) throw new Error('Rebuilding needs at least one lane');
  const queue = [...projections];
  const results = new Map<string, RebuildResult>();
  let failure: { error: unknown } | undefined;
  await Promise.all(
    lanes.map(async (lane, index) => {
      while (failure === undefined && queue.length > 0) {
        const projection = queue.shift()!;
        events.started?.(projection, index);
        const started = performance.now();
        try {
          const result = await lane.rebuild(projection, (position, applied) =>
            events.progress?.(projection, position, applied),
          );
          results.set(projection, result);
          events.finished?.(projection, result, (performance.now() - started) / 1000);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure) throw failure.error;
  return projections.map((projection) => results.get(projection)!);
}

/** What a rebuild has to say beyond its progress (a store that refused a batch, a failing event): on stderr. */
export const rebuildLogger: RunnerLogger = {
  log: () => undefined,
  warn: (message) => console.error(message),
  error: (message) => console.error(message),
};

/** Projection names in the order lanes should take them: those reading more event types (more work) first. */
export const rebuildOrder = (projections: readonly Projection[]): string[] =>
  [...projections].sort((a, b) => b.handles.length - a.handles.length).map((p) => p.name);

/** A lane in this thread, on stores the caller opened (and closes). */
export class InProcessLane implements RebuildLane {
  constructor(
    private readonly stores: {
      eventStore: EventStore;
      readStore: ReadStore;
      personalData: PersonalDataReader;
    },
    private readonly batchSize: number,
  ) {}

  rebuild(name: string, onProgress: (position: number, applied: number) => void): Promise<RebuildResult> {
    const projection = ALL_PROJECTIONS.find((p) => p.name === name);
    if (!projection) return Promise.reject(new Error(`Unknown projection ${name}`));
    return rebuildProjection(projection, this.stores.eventStore, this.stores.readStore, {
      batchSize: this.batchSize,
      personalData: this.stores.personalData,
      logger: rebuildLogger,
      onProgress: (status, applied) => onProgress(status.position, applied),
    });
  }

  async close(): Promise<void> {}
}
