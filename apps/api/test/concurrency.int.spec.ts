import { EVENT_STORE, type EventStore } from '@app/event-store';
import { streams } from '@app/contracts';
import { gatheringDecider } from '@app/domain';
import { CommandRunner } from '../src/commands/command-runner';
import { ApiHarness, joinMember, scheduleGathering } from './api-harness';

async function registrationEvents(store: EventStore, gatheringId: string) {
  const events = await store.readStream(`gathering-${gatheringId}`);
  return events.filter((e) => e.type === 'ParticipantRegistered');
}

describe('Registering for a gathering concurrently', () => {
  const api = ApiHarness.forTests();

  it('with 200 members racing for 20 places, registers exactly 20 and refuses the rest with 409', async () => {
    const gatheringId = await scheduleGathering(api, 20);
    const members = await Promise.all(Array.from({ length: 200 }, () => joinMember(api)));

    const answers = await Promise.all(
      members.map((memberId) => api.post(`/gatherings/${gatheringId}/registrations`, { memberId })),
    );

    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(accepted).toHaveLength(20);
    expect(refused).toHaveLength(180);
    expect(new Set(refused.map((a) => a.body.code))).toEqual(new Set(['GATHERING.FULL']));
    const events = await registrationEvents(api.get<EventStore>(EVENT_STORE), gatheringId);
    expect(events).toHaveLength(20);
    expect(new Set(events.map((e) => (e.data as { memberId: string }).memberId)).size).toBe(20);
  });
});

describe('Two API processes writing to the same store', () => {
  // Two apps on one database file stand for two api instances: their in-process queues do not see each other,
  // so their appends really conflict and the optimistic-concurrency retry has to sort it out.
  let first: ApiHarness;
  let second: ApiHarness;
  beforeAll(async () => {
    first = await ApiHarness.start();
    second = await ApiHarness.start({ dir: first.dir });
  });
  afterAll(async () => {
    await second.stop({ keepFiles: true });
    await first.stop();
  });

  it('re-reads and re-decides on a conflict, so capacity still holds', async () => {
    const gatheringId = await scheduleGathering(first, 10);
    const members = await Promise.all(Array.from({ length: 40 }, () => joinMember(first)));

    const answers = await Promise.all(
      members.map((memberId, i) =>
        (i % 2 === 0 ? first : second).post(`/gatherings/${gatheringId}/registrations`, { memberId }),
      ),
    );

    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(30);
    expect(answers.filter((a) => a.status >= 500)).toHaveLength(0);
    expect(await registrationEvents(first.get<EventStore>(EVENT_STORE), gatheringId)).toHaveLength(10);
  });

  it("decides on the other instance's events too: the state cache follows the stream's revision", async () => {
    const gatheringId = await scheduleGathering(first, 2);
    const [a, b, c] = await Promise.all([joinMember(first), joinMember(first), joinMember(first)]);
    const register = (api: ApiHarness, memberId: string) =>
      api.post(`/gatherings/${gatheringId}/registrations`, { memberId });
    const runner = first.get(CommandRunner);

    expect((await register(first, a)).status).toBe(200); // first has the gathering cached now
    expect((await runner.decisionState(gatheringDecider, streams.gathering(gatheringId))).revision).toBe(1);
    expect((await register(second, b)).status).toBe(200);
    const seen = await runner.decisionState(gatheringDecider, streams.gathering(gatheringId));
    expect(seen.revision).toBe(2);
    // The second process's registration was read in, after the two this process knew of.
    const stored = await first.get<EventStore>(EVENT_STORE).readStream(streams.gathering(gatheringId));
    expect(stored.map((e) => e.type)).toEqual([
      'GatheringScheduled',
      'ParticipantRegistered',
      'ParticipantRegistered',
    ]);
    expect([0, 1, 2].map((i) => seen.eventIds.at(i))).toEqual(stored.map((e) => e.id));
    // Full now: first refuses c on what it read, not on a stale count.
    const refused = await register(first, c);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('GATHERING.FULL');
  });
});
