import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, memberBody } from '../../../apps/api/test/api-harness';
import { FLOOR_PREFIX, PEER_PREFIX } from '../endpoints';
import { EmmettPeerModule } from './emmett-peer';
import { FrameworkFloorModule } from './framework-floor';
import { addBenchModules } from './mount';

// The benchmark's baselines in the real app: behind its guards, validation and problem details, the floor writing
// nothing, the peer writing into Emmett's store only.
describe("the benchmark's baseline routes", () => {
  const dir = mkdtempSync(join(tmpdir(), 'slimmernetwerk-baselines-'));
  const emmettFile = join(dir, 'emmett.db');
  let api: ApiHarness;
  const head = () => api.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    addBenchModules([FrameworkFloorModule, EmmettPeerModule.forFile(emmettFile)]);
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the framework floor', () => {
    it('goes through the same guards and validation as the command routes', async () => {
      const memberId = randomUUID();
      expect((await api.anonymous().post(`${FLOOR_PREFIX}/members`, memberBody(memberId))).status).toBe(401);
      const unknownField = await api.post(`${FLOOR_PREFIX}/members`, { ...memberBody(memberId), extra: 1 });
      expect(unknownField.status).toBe(400);
      expect(JSON.stringify(unknownField.body)).toContain('property extra should not exist');
      expect(unknownField.headers.get('content-type')).toContain('application/problem+json');
      // A member registers only themselves, as on the real route (@MemberActsAs).
      const other = await api.as('member').post(`${FLOOR_PREFIX}/members`, memberBody(memberId));
      expect(other.status).toBe(403);
      const badPath = await api.post(`${FLOOR_PREFIX}/doetanks/not-a-uuid/members`, { memberId });
      expect(badPath.status).toBe(400);
    });

    it("answers a valid command with a command's answer and appends nothing", async () => {
      const before = await head();
      const memberId = randomUUID();
      const joined = await api.post(`${FLOOR_PREFIX}/members`, memberBody(memberId));
      expect(joined.status).toBe(201);
      expect(joined.body).toMatchObject({ aggregateId: memberId, events: [{ type: 'MemberJoined' }] });
      const doetankId = randomUUID();
      const joinedDoetank = await api.post(`${FLOOR_PREFIX}/doetanks/${doetankId}/members`, { memberId });
      expect(joinedDoetank.status).toBe(200);
      expect(await head()).toBe(before);
      // The real route, for contrast, does append.
      expect((await api.post('/members', memberBody(randomUUID()))).status).toBe(201);
      expect(await head()).not.toBe(before);
    });
  });

  describe('the Emmett peer', () => {
    const proposal = (proposedBy: string) => ({
      doetankId: randomUUID(),
      title: 'Een Doetank',
      problemStatement: 'Professionals lopen vast op regels die niemand meer begrijpt.',
      proposedBy,
    });

    it("decides by Emmett's CommandHandler and stores in Emmett's SQLite event store, not ours", async () => {
      const before = await head();
      const memberId = randomUUID();
      expect((await api.post(`${PEER_PREFIX}/members`, memberBody(memberId))).status).toBe(201);
      expect((await api.post(`${PEER_PREFIX}/members`, memberBody(memberId))).status).toBe(409);
      expect((await api.post(`${PEER_PREFIX}/doetanks`, proposal(randomUUID()))).status).toBe(409);
      const proposed = await api.post(`${PEER_PREFIX}/doetanks`, proposal(memberId));
      expect(proposed.status).toBe(201);
      expect(await head()).toBe(before);
      const emmett = getSQLiteEventStore({ fileName: emmettFile });
      const member = await emmett.readStream(`member-${memberId}`);
      expect(member.events.map((e) => e.type)).toEqual(['MemberJoined']);
      const doetank = await emmett.readStream(
        `doetank-${(proposed.body as { aggregateId: string }).aggregateId}`,
      );
      expect(doetank.events.map((e) => e.type)).toEqual(['DoetankProposed']);
    });

    it('validates with the same DTOs', async () => {
      const refused = await api.post(`${PEER_PREFIX}/members`, {
        ...memberBody(randomUUID()),
        email: 'nope',
      });
      expect(refused.status).toBe(400);
    });

    it('stays consistent under concurrent requests (one store call at a time)', async () => {
      const ids = Array.from({ length: 20 }, () => randomUUID());
      const answers = await Promise.all(ids.map((id) => api.post(`${PEER_PREFIX}/members`, memberBody(id))));
      expect(answers.map((a) => a.status)).toEqual(ids.map(() => 201));
    });
  });
});
