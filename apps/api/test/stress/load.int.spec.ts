import { randomUUID } from 'node:crypto';
import {
  DOETANKS_COLLECTION,
  GATHERINGS_COLLECTION,
  MEMBERS_COLLECTION,
  type DoetankDocument,
  type GatheringDocument,
} from '@app/contracts';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { ProjectorService } from '@app/projection-runtime';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { ApiHarness, scheduleGathering, type ApiClient, type HttpAnswer } from '../api-harness';

/**
 * Mixed valid commands from many concurrent clients for a fixed time (5 s in `npm test`, 60 s with STRESS=1), as
 * the members and the coordinator they are. Afterwards: every 2xx answer's events are in the store, exactly where
 * the answer said; nothing else was written; and once the projector has caught up, the read models agree with
 * the events.
 */
const STRESS = process.env.STRESS === '1';
const DURATION_MS = STRESS ? 60_000 : 5_000;
const CLIENTS = STRESS ? 32 : 12;

interface Acknowledged {
  streamId: string;
  events: { id: string; type: string; revision: number }[];
}

describe('Mixed commands under load', () => {
  const api = ApiHarness.forTests({ env: { EMBEDDED_PROJECTOR: 'true', SQLITE_SYNCHRONOUS: 'NORMAL' } });

  it(
    `writes exactly the acknowledged events, and the read models agree (${DURATION_MS / 1000} s, ${CLIENTS} clients)`,
    async () => {
      const store = api.get<EventStore>(EVENT_STORE);
      const reads = api.get<ReadStore>(READ_STORE);
      const startPosition = (await store.headPosition()) ?? 0;

      // A small network to act in: members, open Doetanks, a roomy gathering.
      const members: string[] = [];
      const join = async (client: ApiClient, memberId = randomUUID()) => {
        const answer = await client.post('/members', {
          memberId,
          name: `Lid ${memberId.slice(0, 8)}`,
          email: `${memberId}@example.nl`,
          organisation: 'Gemeente Utrecht',
          sector: 'gemeente',
          role: 'professional',
        });
        return { answer, memberId };
      };
      for (let i = 0; i < 10; i++) members.push((await join(api)).memberId);
      const doetanks: string[] = [];
      const gathering = await scheduleGathering(api, 100_000);

      const loadStart = (await store.headPosition()) ?? 0;
      const acknowledged: Acknowledged[] = [];
      const statuses = new Map<number, number>();
      const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
      const record = (answer: HttpAnswer) => {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 200 && answer.status < 300 && answer.body?.events?.length > 0) {
          acknowledged.push({ streamId: answer.body.streamId, events: answer.body.events });
        }
        return answer;
      };

      const actions: (() => Promise<unknown>)[] = [
        // A professional registers themself.
        async () => {
          const memberId = randomUUID();
          const { answer } = await join(api.as('member', memberId), memberId);
          record(answer);
          if (answer.status === 201) members.push(memberId);
        },
        // A member proposes a Doetank.
        async () => {
          const proposer = pick(members);
          const answer = record(
            await api.as('member', proposer).post('/doetanks', {
              title: 'Werkplaats',
              problemStatement: 'Hoe werken we samen?',
              proposedBy: proposer,
            }),
          );
          if (answer.status === 201) doetanks.push(answer.body.aggregateId);
        },
        // A member joins a Doetank (409 when they are in it already: refused, nothing written).
        async () => {
          if (doetanks.length === 0) return;
          const member = pick(members);
          record(
            await api.as('member', member).post(`/doetanks/${pick(doetanks)}/members`, { memberId: member }),
          );
        },
        // A member registers for the Grand Café.
        async () => {
          const member = pick(members);
          record(
            await api
              .as('member', member)
              .post(`/gatherings/${gathering}/registrations`, { memberId: member }),
          );
        },
        // A member moves to another organisation.
        async () => {
          const member = pick(members);
          record(
            await api.as('member', member).post(`/members/${member}/affiliation`, {
              organisation: `Organisatie ${randomUUID().slice(0, 6)}`,
              sector: pick(['rijk', 'gemeente', 'provincie']),
              role: pick(['professional', 'manager']),
            }),
          );
        },
        // A repeated request with an idempotency key: one write, two answers.
        async () => {
          const member = pick(members);
          const key = { 'Idempotency-Key': `load-${randomUUID()}` };
          const body = { title: 'Discussie', link: 'https://example.nl/d', startedBy: member };
          const client = api.as('member', member);
          record(await client.post('/discussions', body, key));
          const again = await client.post('/discussions', body, key);
          statuses.set(again.status, (statuses.get(again.status) ?? 0) + 1);
          expect(again.headers.get('idempotent-replayed')).toBe('true');
        },
      ];

      const deadline = Date.now() + DURATION_MS;
      let requests = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (Date.now() < deadline) {
            await pick(actions)();
            requests++;
          }
        }),
      );

      // No server error, whatever the concurrency.
      expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
      process.stdout.write(
        `load: ${requests} commands in ${DURATION_MS / 1000} s by ${CLIENTS} clients; answers ${JSON.stringify(Object.fromEntries(statuses))}\n`,
      );

      // 1. Every acknowledged event is in the store, where the answer said.
      const written: RecordedEvent[] = [];
      for (let after = startPosition; ;) {
        const batch = await store.readAll({ after, maxCount: 5000 });
        if (batch.length === 0) break;
        written.push(...batch);
        after = batch[batch.length - 1].position;
      }
      const byId = new Map(written.map((event) => [event.id, event]));
      for (const { streamId, events } of acknowledged) {
        for (const event of events) {
          expect(byId.get(event.id)).toMatchObject({ streamId, type: event.type, revision: event.revision });
        }
      }

      // 2. Nothing else was written: every event the clients caused belongs to an acknowledged command (a
      //    JoinNetwork's e-mail claim names, sealed, the member whose MemberJoined was acknowledged), and none is
      //    there twice.
      const acknowledgedIds = new Set(acknowledged.flatMap((a) => a.events.map((e) => e.id)));
      const acknowledgedMembers = new Set(
        written
          .filter((event) => acknowledgedIds.has(event.id) && event.type === 'MemberJoined')
          .map((event) => event.streamId.slice('member-'.length)),
      );
      const claims = await api
        .get<PersonalDataReader>(PERSONAL_DATA_TRANSFORMER)
        .open(written.filter((event) => event.type === 'EmailClaimed'));
      const claimsOfMembers = new Set(
        claims
          .filter((claim) => acknowledgedMembers.has(String((claim.data as { memberId: unknown }).memberId)))
          .map((claim) => claim.id),
      );
      const unexplained = written.filter(
        (event) =>
          event.position > loadStart && !acknowledgedIds.has(event.id) && !claimsOfMembers.has(event.id),
      );
      expect(unexplained.map((event) => `${event.type} in ${event.streamId}`)).toEqual([]);
      expect(byId.size).toBe(written.length);

      // 3. The read models agree with the events once the projector has caught up.
      const head = (await store.headPosition()) ?? 0;
      expect(await api.get(ProjectorService).waitForPosition(head, 60_000)).toBe(true);
      const joinedMembers = new Set(
        written.filter((e) => e.type === 'MemberJoined').map((e) => e.streamId.slice(7)),
      );
      const memberDocs = await reads.getMany(MEMBERS_COLLECTION, [...joinedMembers]);
      expect(memberDocs.size).toBe(joinedMembers.size);

      const doetankMembers = new Map<string, Set<string>>();
      for (const event of written) {
        const data = event.data as { doetankId?: string; memberId?: string; proposedBy?: string };
        if (event.type === 'DoetankProposed')
          doetankMembers.set(data.doetankId!, new Set([data.proposedBy!]));
        if (event.type === 'MemberJoinedDoetank') doetankMembers.get(data.doetankId!)!.add(data.memberId!);
      }
      const doetankDocs = await reads.getMany<DoetankDocument>(DOETANKS_COLLECTION, [
        ...doetankMembers.keys(),
      ]);
      for (const [doetankId, expected] of doetankMembers) {
        expect(new Set(doetankDocs.get(doetankId)?.memberIds)).toEqual(expected);
      }

      const registered = written.filter((e) => e.type === 'ParticipantRegistered').length;
      const gatheringDoc = (await reads.getMany<GatheringDocument>(GATHERINGS_COLLECTION, [gathering])).get(
        gathering,
      );
      expect(gatheringDoc?.registeredCount).toBe(registered);
      expect(new Set(gatheringDoc?.registeredMemberIds).size).toBe(registered);
    },
    DURATION_MS + 120_000,
  );
});
