import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { streams } from '@app/contracts';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApiHarness, joinMember, type ApiClient, type HttpAnswer } from './api-harness';

/**
 * Security finding: "only the proposer or the coach (or a coordinator) may assign a coach, secure a client, start,
 * conclude or stop a Doetank" was checked before the command, on the stream as it was then. A member sending such a
 * command while someone else proposed the Doetank passed the check (no Doetank yet) and their command then ran on
 * the proposed Doetank unchecked. These trials send, over HTTP and at the same time as the proposal, an
 * outsider's "assign me as coach" and "stop it", as the attack did.
 */

/** Events only the Doetank's proposer or coach (or a coordinator) may cause. */
const LEAD_ONLY_EVENTS = new Set([
  'CoachAssigned',
  'ClientSecured',
  'DoetankStarted',
  'DoetankConcluded',
  'DoetankStopped',
]);

const TRIALS = 60;
/** The outsider's commands go out in this many rounds, a few milliseconds apart, while the proposal is written. */
const ROUNDS = 4;
/** How long an append takes in the second variant: about what one takes over a network (EventStoreDB). */
const NETWORK_APPEND_MS = 20;

interface Trial {
  doetankId: string;
  proposal: HttpAnswer;
  /** The outsider's commands, sent while the Doetank was being proposed. */
  attempts: HttpAnswer[];
}

/**
 * Appends of this store answer `ms` later, as over a network: meanwhile the Doetank does not exist yet for anyone
 * who reads its stream, which widens the window the attack found. The real adapter still writes. Returns the undo.
 */
function slowAppends(store: EventStore, ms: number): () => void {
  const append = store.appendToStream;
  store.appendToStream = async (...args) => {
    await sleep(ms);
    return append.apply(store, args);
  };
  return () => {
    store.appendToStream = append;
  };
}

/** The proposer proposes a Doetank while, at the same moment and for a while after, an outsider tries to lead it. */
async function trial(
  proposerApi: ApiClient,
  proposer: string,
  outsiderApi: ApiClient,
  outsider: string,
): Promise<Trial> {
  const doetankId = randomUUID();
  const proposal = proposerApi.post('/doetanks', {
    doetankId,
    title: 'Samen slimmer',
    problemStatement: 'Hoe werken we slimmer samen?',
    proposedBy: proposer,
  });
  const attempts: Promise<HttpAnswer>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    attempts.push(
      outsiderApi.post(`/doetanks/${doetankId}/coach`, { coachId: outsider }),
      outsiderApi.post(`/doetanks/${doetankId}/stop`, { reason: 'Overgenomen' }),
    );
    await sleep(5);
  }
  return { doetankId, proposal: await proposal, attempts: await Promise.all(attempts) };
}

describe('The Doetank-lead rule while the Doetank is being proposed', () => {
  let api: ApiHarness;
  let proposer: string;
  let outsider: string;
  let proposerApi: ApiClient;
  let outsiderApi: ApiClient;
  beforeAll(async () => {
    api = await ApiHarness.start();
    [proposer, outsider] = await Promise.all([joinMember(api), joinMember(api)]);
    proposerApi = api.as('member', proposer);
    outsiderApi = api.as('member', outsider);
    // Both tokens verified once before the trials (as in a session that is already going), so no request waits
    // for its signature check while the others race.
    for (const client of [proposerApi, outsiderApi]) {
      expect((await client.request('GET', '/members')).status).toBe(200);
    }
  });
  afterAll(() => api.stop());

  it.each([
    ['as fast as the embedded store writes', 0],
    ['as slow as over a network', NETWORK_APPEND_MS],
  ])(
    `never lets another member assign a coach or stop it: ${TRIALS} concurrent trials, appends %s`,
    async (_label, appendMs) => {
      const store = api.get<EventStore>(EVENT_STORE);
      const restore = appendMs > 0 ? slowAppends(store, appendMs) : () => undefined;
      let trials: Trial[];
      try {
        trials = await Promise.all(
          Array.from({ length: TRIALS }, () => trial(proposerApi, proposer, outsiderApi, outsider)),
        );
      } finally {
        restore();
      }

      expect(trials.map((t) => t.proposal.status)).toEqual(trials.map(() => 201));
      // Before the Doetank exists the command is refused as 404, once it exists as 403: never accepted, and never
      // let through to be refused by another rule.
      const answers = trials.flatMap((t) => t.attempts).map((a) => `${a.status} ${a.body?.code}`);
      expect(
        answers.filter((a) => a !== '404 DOETANK.NOT_FOUND' && a !== '403 AUTH.NOT_DOETANK_LEAD'),
      ).toEqual([]);
      for (const { doetankId } of trials) {
        const events = await store.readStream(streams.doetank(doetankId));
        const byOutsider = events.filter(
          (e) => LEAD_ONLY_EVENTS.has(e.type) && e.metadata.actorId === outsider,
        );
        expect({ doetankId, byOutsider }).toEqual({ doetankId, byOutsider: [] });
        expect(events.map((e) => e.type)).toEqual(['DoetankProposed']);
      }
    },
  );
});
