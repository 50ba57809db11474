import { Inject, Injectable } from '@nestjs/common';
import type { RetrospectiveSeal } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { latestSealAtOrBefore } from '@app/event-store/integrity';
import { retrospectivesProjection } from '@app/projections';
import { checkpointName } from '@app/projections/runner';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { withDeadline } from '@app/resilience';

/** Longest the report waits for the seal stream; the report itself never waits on the event store. */
const SEAL_TIMEOUT_MS = 1000;

/**
 * The event store's seal a report rests on: the latest seal at or before the position the retrospectives read
 * model has applied (so every event the seal covers is in the figures). The retrospective query itself reads the
 * read store alone (it must answer while the event store is away); the report, a publication, adds its seal here:
 * `null` when the store had no seal yet, `undefined` when the seal stream did not answer within a second (the
 * report is then printed without the line).
 */
@Injectable()
export class ReportSeal {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async latest(): Promise<RetrospectiveSeal | null | undefined> {
    try {
      // The position first: the figures, read before or after it, include at least every event up to it.
      const position = await this.appliedPosition();
      const seal = await withDeadline(
        SEAL_TIMEOUT_MS,
        { store: 'event store', operation: 'readStream' },
        () => latestSealAtOrBefore(this.events, position),
      );
      if (seal === undefined) return null;
      const { revision, streams, events, root, sealedAt } = seal;
      return { revision, position: seal.position, streams, events, root, sealedAt };
    } catch {
      return undefined;
    }
  }

  private async appliedPosition(): Promise<number> {
    const collection = retrospectivesProjection.collections[0].name;
    const version = (await this.readStore.collectionVersions(collection)).active ?? 1;
    const checkpoint = await this.readStore.getCheckpoint(
      checkpointName(retrospectivesProjection.name, version),
    );
    return checkpoint?.position ?? 0;
  }
}
