import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { FaultControl } from '@app/resilience/testing';
import { randomUUID } from 'node:crypto';
import { ApiHarness, faultyEventStore, memberBody } from './api-harness';

const ROUNDS = 5;
const AT_ONCE = 20;
const LEASE_SECONDS = 60;

/**
 * One membership per e-mail address, also when joins of one address arrive at once (the attack run sent 20 and
 * got twenty 201s: each took over the claim of a member whose stream did not exist yet, a takeover meant for
 * crashes). A claim without its member is now a lease; after a crash between claim and member the same member's
 * retry goes on at once and another member's once the lease has run out.
 */
describe('Joining with one e-mail address at once', () => {
  let api: ApiHarness;
  let faults: FaultControl;
  let offsetMs = 0;
  /** While set, every reading of the clock is this much later than the one before: a process that stalls. */
  let stallMs = 0;
  const eventStore = () => api.get<EventStore>(EVENT_STORE);
  const joined = async (memberId: string) =>
    (await eventStore().streamRevision(streams.member(memberId))) !== undefined;

  beforeAll(async () => {
    api = await ApiHarness.start({
      env: { EMAIL_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS) },
      clock: { now: () => new Date(Date.now() + (offsetMs += stallMs)) },
      wrapStores: {
        eventStore: faultyEventStore((f) => (faults = f)),
      },
    });
  });
  afterAll(() => api.stop());
  afterEach(() => faults.clear());

  it(`admits exactly one of ${AT_ONCE} concurrent joins, in each of ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const email = `gedeeld.${round}.${randomUUID().slice(0, 8)}@example.nl`;
      const ids = Array.from({ length: AT_ONCE }, () => randomUUID());
      const answers = await Promise.all(ids.map((id) => api.post('/members', memberBody(id, { email }))));

      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, ...Array<number>(AT_ONCE - 1).fill(409)]);
      for (const refused of answers.filter((a) => a.status === 409)) {
        expect(refused.body.code).toBe('MEMBER.EMAIL_IN_USE');
      }
      // ... and exactly one member written: the one that got the 201.
      const members = [];
      for (const id of ids) if (await joined(id)) members.push(id);
      expect(members).toEqual([ids[answers.findIndex((a) => a.status === 201)]]);
    }
  });

  it('admits exactly one when the joins are spread over two api instances on one database', async () => {
    // Two processes' worth of command runners: their in-process queues do not see each other, so only the claim
    // stream's expected revision keeps the joins apart (as between api replicas on EventStoreDB).
    const second = await ApiHarness.start({
      dir: api.dir,
      env: { EMAIL_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS) },
    });
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const email = `twee.${round}.${randomUUID().slice(0, 8)}@example.nl`;
        const ids = Array.from({ length: AT_ONCE }, () => randomUUID());
        const answers = await Promise.all(
          ids.map((id, i) => (i % 2 === 0 ? api : second).post('/members', memberBody(id, { email }))),
        );
        expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array<number>(AT_ONCE - 1).fill(409)]);
        const members = [];
        for (const id of ids) if (await joined(id)) members.push(id);
        expect(members).toHaveLength(1);
      }
    } finally {
      await second.stop({ keepFiles: true });
    }
  });

  it('gives up a join that stalled for half the lease after its claim, and gives the address back', async () => {
    const email = `traag.${randomUUID().slice(0, 8)}@example.nl`;
    const stalled = randomUUID();
    stallMs = (LEASE_SECONDS / 2) * 1000;
    const answer = await api.post('/members', memberBody(stalled, { email }));
    stallMs = 0;
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('CONCURRENCY.CONFLICT');
    expect(await joined(stalled)).toBe(false);
    // Released: another member may have the address at once.
    expect((await api.post('/members', memberBody(randomUUID(), { email }))).status).toBe(201);
  });

  describe('after a crash between the claim and the member', () => {
    const crashAfterClaim = async (memberId: string, email: string) => {
      // The claim is written; the member's append and the compensating release both fail, as if the process had
      // died in between: a claim is left whose member does not exist.
      faults.fail(['appendToStream'], { after: 1, times: 2 });
      const answer = await api.post('/members', memberBody(memberId, { email }));
      faults.clear();
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(await joined(memberId)).toBe(false);
    };

    it('lets the same member join at once (a retry)', async () => {
      const email = `herhaald.${randomUUID().slice(0, 8)}@example.nl`;
      const memberId = randomUUID();
      await crashAfterClaim(memberId, email);
      expect((await api.post('/members', memberBody(memberId, { email }))).status).toBe(201);
      expect(await joined(memberId)).toBe(true);
    });

    it('keeps the address from another member during the lease, and gives it to them after', async () => {
      const email = `verweesd.${randomUUID().slice(0, 8)}@example.nl`;
      const crashed = randomUUID();
      await crashAfterClaim(crashed, email);

      const other = randomUUID();
      const early = await api.post('/members', memberBody(other, { email }));
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('MEMBER.EMAIL_IN_USE');

      offsetMs += (LEASE_SECONDS + 1) * 1000;
      // Several at once after the lease: the expected revision of the claim stream admits one.
      const late = [other, randomUUID(), randomUUID()];
      const answers = await Promise.all(late.map((id) => api.post('/members', memberBody(id, { email }))));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      expect(await joined(crashed)).toBe(false);
      // The crashed join's retry now finds the address taken.
      expect((await api.post('/members', memberBody(crashed, { email }))).status).toBe(409);
    });
  });
});
