import { randomUUID } from 'node:crypto';
import { ApiHarness, joinMember } from './api-harness';

/**
 * Read-your-writes on every read-model endpoint: `minPosition` waits (bounded by READ_WAIT_MAX_MS) until the read
 * models the endpoint reads have applied that event; `X-Read-Model-Position` and `X-Read-Model-Consistent` say how
 * far they are.
 */
const READ_ENDPOINTS = ['/timeline', '/doetanks', '/members', '/gatherings', '/retrospectives/2012'] as const;

describe('Read your writes', () => {
  describe('with the projector in this process', () => {
    let api: ApiHarness;
    let doetankId: string;
    let gatheringId: string;
    let position: number;
    beforeAll(async () => {
      api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true', READ_WAIT_MAX_MS: '200' } });
      const proposer = await joinMember(api, { occurredAt: '2012-01-10T09:00:00Z' });
      const proposed = await api.post('/doetanks', {
        title: 'Samen slimmer',
        problemStatement: 'Hoe delen we wat werkt?',
        proposedBy: proposer,
        occurredAt: '2012-02-01T10:00:00Z',
      });
      doetankId = proposed.body.aggregateId;
      const scheduled = await api.post('/gatherings', {
        kind: 'cafe',
        title: 'Café Utrecht',
        startsAt: '2012-05-01T16:00:00Z',
        venue: 'Stadhuis',
        capacity: 30,
        occurredAt: '2012-03-01T10:00:00Z',
      });
      gatheringId = scheduled.body.aggregateId;
      position = scheduled.body.position;
    });
    afterAll(() => api.stop());

    const endpoints = () => [...READ_ENDPOINTS, `/doetanks/${doetankId}`, `/gatherings/${gatheringId}`];

    it('answers with the position the read models reached, and whether they reached minPosition', async () => {
      for (const path of endpoints()) {
        const answer = await api.request('GET', `${path}?minPosition=${position}`);
        expect({ path, status: answer.status }).toEqual({ path, status: 200 });
        expect(answer.headers.get('x-read-model-consistent')).toBe('true');
        expect(Number(answer.headers.get('x-read-model-position'))).toBeGreaterThanOrEqual(position);
      }
    });

    it('sees a write at once when asked to wait for its position', async () => {
      const member = randomUUID();
      const joined = await api.post('/members', {
        memberId: member,
        name: 'Lotte de Boer',
        email: `${member}@example.nl`,
        organisation: 'Waterschap Vallei en Veluwe',
        sector: 'waterschap',
        role: 'manager',
        occurredAt: '2012-06-01T09:00:00Z',
      });
      const directory = await api.request(
        'GET',
        `/members?sector=waterschap&minPosition=${joined.body.position}`,
      );
      expect(directory.headers.get('x-read-model-consistent')).toBe('true');
      expect(directory.body.items.map((m: { id: string }) => m.id)).toEqual([member]);
      const timeline = await api.request(
        'GET',
        `/timeline?member=${member}&minPosition=${joined.body.position}`,
      );
      expect(timeline.body.items.map((e: { summary: string }) => e.summary)).toEqual([
        'Lotte de Boer sloot zich aan bij het netwerk (Waterschap Vallei en Veluwe)',
      ]);
    });

    it('says X-Read-Model-Consistent: false when minPosition is beyond what was written, after a short wait', async () => {
      for (const path of endpoints()) {
        const started = Date.now();
        const answer = await api.request('GET', `${path}?minPosition=${position + 1000}`);
        const waited = Date.now() - started;
        expect({ path, status: answer.status }).toEqual({ path, status: 200 });
        expect(answer.headers.get('x-read-model-consistent')).toBe('false');
        expect(Number(answer.headers.get('x-read-model-position'))).toBeLessThan(position + 1000);
        expect(waited).toBeGreaterThanOrEqual(150);
        expect(waited).toBeLessThan(3000);
      }
    });

    it('also on a 404: the Doetank may simply not be there yet', async () => {
      const answer = await api.request('GET', `/doetanks/${randomUUID()}?minPosition=${position + 1000}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('x-read-model-consistent')).toBe('false');
      expect(answer.headers.get('x-read-model-position')).toEqual(expect.stringMatching(/^\d+$/));
    });

    it('reports the lowest position among the read models an endpoint reads, and no consistency without minPosition', async () => {
      const answer = await api.request('GET', '/timeline');
      expect(answer.headers.get('x-read-model-consistent')).toBeNull();
      const { body } = await api.request('GET', '/projections');
      const lowest = Math.min(...body.projections.map((p: { position: number }) => p.position));
      expect(Number(answer.headers.get('x-read-model-position'))).toBeGreaterThanOrEqual(lowest);
    });
  });

  describe('with the projector in another process (here: not running)', () => {
    let api: ApiHarness;
    let position: number;
    beforeAll(async () => {
      api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'false', READ_WAIT_MAX_MS: '200' } });
      await joinMember(api);
      position = (await api.request('GET', '/projections')).body.projections[0].headPosition;
    });
    afterAll(() => api.stop());

    it('reads the positions from the checkpoints and gives up after the wait', async () => {
      for (const path of READ_ENDPOINTS) {
        const answer = await api.request('GET', `${path}?minPosition=${position}`);
        expect({ path, status: answer.status }).toEqual({ path, status: 200 });
        expect(answer.headers.get('x-read-model-consistent')).toBe('false');
        expect(answer.headers.get('x-read-model-position')).toBe('0');
      }
      const none = await api.request('GET', '/members?minPosition=0');
      expect(none.headers.get('x-read-model-consistent')).toBe('true');
      expect(none.body.items).toEqual([]);
    });
  });
});
