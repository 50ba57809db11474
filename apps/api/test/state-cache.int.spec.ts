import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApiHarness, joinMember, scheduleGathering } from './api-harness';

/**
 * The command side keeps folded streams: a command on a stream it wrote last reads none of the stream's events
 * (one revision lookup), and one on a stream another writer changed reads only what is new.
 */
describe('The command side state cache', () => {
  const api = ApiHarness.forTests();

  it('decides the next command on a stream without reading its events again', async () => {
    const gatheringId = await scheduleGathering(api, 10);
    const [a, b] = [await joinMember(api), await joinMember(api)];
    const store = api.get<EventStore>(EVENT_STORE);
    const reads = jest.spyOn(store, 'readStream');
    try {
      expect((await api.post(`/gatherings/${gatheringId}/registrations`, { memberId: a })).status).toBe(200);
      expect((await api.post(`/gatherings/${gatheringId}/registrations`, { memberId: b })).status).toBe(200);
      // Registering a twice is refused on the cached state, which holds both registrations.
      const again = await api.post(`/gatherings/${gatheringId}/registrations`, { memberId: a });
      expect(again.status).toBe(409);
      const gatheringReads = reads.mock.calls.filter(
        ([streamId]) => streamId === streams.gathering(gatheringId),
      );
      expect(gatheringReads).toEqual([]);
    } finally {
      reads.mockRestore();
    }
    const stored = await store.readStream(streams.gathering(gatheringId));
    expect(stored.map((e) => e.type)).toEqual([
      'GatheringScheduled',
      'ParticipantRegistered',
      'ParticipantRegistered',
    ]);
  });
});

describe('The command side without a state cache (COMMAND_STATE_CACHE_STREAMS=0)', () => {
  const api = ApiHarness.forTests({ env: { COMMAND_STATE_CACHE_STREAMS: '0' } });

  it('reads the stream for every command, and decides the same', async () => {
    const gatheringId = await scheduleGathering(api, 10);
    const a = await joinMember(api);
    const store = api.get<EventStore>(EVENT_STORE);
    const reads = jest.spyOn(store, 'readStream');
    try {
      expect((await api.post(`/gatherings/${gatheringId}/registrations`, { memberId: a })).status).toBe(200);
      expect((await api.post(`/gatherings/${gatheringId}/registrations`, { memberId: a })).status).toBe(409);
      const gatheringReads = reads.mock.calls.filter(
        ([streamId]) => streamId === streams.gathering(gatheringId),
      );
      expect(gatheringReads.length).toBeGreaterThanOrEqual(2);
    } finally {
      reads.mockRestore();
    }
  });
});
