import { randomUUID } from 'node:crypto';
import type { ProjectionEvent } from '../projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { readRetrospective } from './retrospective.read';
import { retrospectivesProjection } from './retrospectives.projection';
import { expectedRetrospective, scriptedNetwork, streamsNewestFirst } from './testing/scripted-network';
import { sqliteStoresPerTest } from '../testing/runner-stores';

describe('The retrospectives projection on the projector runner and SQLite', () => {
  const sqlite = sqliteStoresPerTest('slimmernetwerk-retrospectives-');

  /** Appends the events in this order, each to its own stream, as the API (or an import) would. */
  const record = async (history: readonly ProjectionEvent[]) => {
    for (const event of history) {
      await sqlite.events.appendToStream(
        event.streamId,
        [{ id: randomUUID(), type: event.type, data: event.data, metadata: event.metadata }],
        'any',
      );
    }
  };

  const retrospective = (year: number) => readRetrospective(sqlite.reads, year);

  const project = async () => {
    // An odd batch size, so that batches split streams, gatherings and years anywhere.
    const runner = new ProjectionRunner(retrospectivesProjection, sqlite.events, sqlite.reads, {
      batchSize: 37,
      stopWhenCaughtUp: true,
    }).start();
    await runner.done();
    expect(runner.status()).toMatchObject({ state: 'live' });
  };

  const script = scriptedNetwork(20121122);

  it('builds the retrospective counted from the script, batch by batch', async () => {
    // Given
    await record(script);
    // When
    await project();
    // Then
    expect(await retrospective(2012)).toEqual(expectedRetrospective(2012, script));
    expect(await retrospective(2011)).toEqual(expectedRetrospective(2011, script));
  });

  it('builds the same retrospective when the streams were recorded newest first', async () => {
    // Given
    await record(streamsNewestFirst(script));
    // When
    await project();
    // Then
    expect(await retrospective(2012)).toEqual(expectedRetrospective(2012, script));
    expect(await retrospective(2011)).toEqual(expectedRetrospective(2011, script));
  });
});
