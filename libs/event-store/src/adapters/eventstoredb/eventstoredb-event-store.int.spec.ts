import { EventStoreDBClient } from '@eventstore/db-client';
import { suiteOnServer } from '@app/resilience/testing';
import { eventStoreContract, newEvent, uniqueStreamId } from '../../testing';
import { SYSTEM_STREAM_PREFIXES } from './esdb-filter';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const prefixes = [...SYSTEM_STREAM_PREFIXES, 'contract-'];

suiteOnServer(
  'EVENTSTOREDB_URL',
  'EventStoreDB contract suite',
  'runs the event store contract against an EventStoreDB server',
  (url) => {
    // EventStoreDB keeps no index of event ids across streams (see the class comment of EventStoreDbEventStore), so
    // the cases that need one are reported as not run, with that reason.
    eventStoreContract(
      'EventStoreDbEventStore',
      async () => {
        const store = EventStoreDbEventStore.connect(url, { streamPrefixes: prefixes });
        await store.ping();
        return { store, cleanup: () => store.close() };
      },
      { globalEventIdUniqueness: false },
    );

    describe('EventStoreDbEventStore on a server', () => {
      let store: EventStoreDbEventStore;
      let client: EventStoreDBClient;

      beforeAll(() => {
        client = EventStoreDBClient.connectionString(url);
        store = new EventStoreDbEventStore(client, { streamPrefixes: prefixes });
      });

      afterAll(async () => {
        await store.close();
        await client.dispose();
      });

      it("writes ESDB's $correlationId and $causationId next to our metadata", async () => {
        const streamId = uniqueStreamId();
        const event = newEvent('ThingHappened');
        await store.appendToStream(streamId, [event], 'no_stream');

        for await (const resolved of client.readStream(streamId)) {
          expect(resolved.event?.metadata).toMatchObject({
            $correlationId: event.metadata.correlationId,
            $causationId: event.metadata.causationId,
            actorId: event.metadata.actorId,
          });
          expect(resolved.event?.position?.commit).toBe(resolved.event?.position?.prepare);
        }
      });

      it('reports the position a read reports for a one-event append, which it takes from the answer alone', async () => {
        const streamId = uniqueStreamId();
        await store.appendToStream(streamId, [newEvent('ThingHappened')], 'no_stream');
        const result = await store.appendToStream(streamId, [newEvent('ThingHappened')], 0);
        const read = await store.readStream(streamId);
        expect(result).toEqual({ nextExpectedRevision: 1, position: read[1].position });
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });

      it('answers a repeated one-event append at the same exact revision with the original result', async () => {
        const streamId = uniqueStreamId();
        await store.appendToStream(streamId, [newEvent('ThingHappened')], 'no_stream');
        const event = newEvent('ThingHappened');
        const original = await store.appendToStream(streamId, [event], 0);
        await store.appendToStream(streamId, [newEvent('ThingHappened')], 1);

        expect(await store.appendToStream(streamId, [event], 0)).toEqual(original);
        expect(await store.streamRevision(streamId)).toBe(2);
      });

      it('reports the position of the last event of a multi-event append', async () => {
        const streamId = uniqueStreamId();
        const result = await store.appendToStream(
          streamId,
          [newEvent('ThingHappened'), newEvent('ThingHappened'), newEvent('ThingHappened')],
          'no_stream',
        );
        const read = await store.readStream(streamId);
        expect(result.position).toBe(read[2].position);
        expect(new Set(read.map((e) => e.position)).size).toBe(3);
      });
    });
  },
);
