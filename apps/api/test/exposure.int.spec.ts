import { randomUUID } from 'node:crypto';
import { ApiHarness, joinMember, memberBody, until } from './api-harness';

/**
 * What anonymous callers can learn or hold (docs/security.md, threat model): `/health` tells them up or down and
 * nothing more, and a `minPosition` far beyond anything written holds their connection only briefly.
 */
describe('smaller exposures to anonymous callers (integration, real HTTP)', () => {
  describe('/health', () => {
    const api = ApiHarness.forTests({ env: { EMBEDDED_PROJECTOR: 'true' } });

    it('answers anonymous callers with the status only; signed-in callers get the details', async () => {
      await until(async () => (await api.request('GET', '/health')).status === 200, 'the api ready');
      const anonymous = await api.anonymous().request('GET', '/health');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual({ status: 'ok' });
      const live = await api.anonymous().request('GET', '/health/live');
      expect(live.body).toEqual({ status: 'ok' });

      const signedIn = await api.as('observer').request('GET', '/health');
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.details.projections).toBeDefined();
      expect(JSON.stringify(signedIn.body)).toMatch(/position/i);
    });
  });

  describe('/health while unhealthy', () => {
    // No projector runs, and readiness fails on the first event not applied: an unhealthy report on demand.
    const api = ApiHarness.forTests({ env: { HEALTH_MAX_LAG_EVENTS: '0' } });

    it('answers anonymous callers 503 with the status only, no positions, lag or errors', async () => {
      await joinMember(api);
      await until(async () => (await api.request('GET', '/health')).status === 503, 'the api seeing the lag');
      const signedIn = await api.request('GET', '/health');
      expect(signedIn.body.error).toBeDefined();
      const anonymous = await api.anonymous().request('GET', '/health');
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toEqual({ status: 'error' });
    });
  });

  describe('minPosition far beyond anything written', () => {
    // A long wait for signed-in callers, so that an anonymous wait of that length would show.
    const api = ApiHarness.forTests({
      env: { EMBEDDED_PROJECTOR: 'true', READ_WAIT_MAX_MS: '20000', READ_WAIT_ANONYMOUS_MAX_MS: '200' },
    });

    it('holds an anonymous connection at most READ_WAIT_ANONYMOUS_MAX_MS, then answers as not consistent', async () => {
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          api.anonymous().request('GET', '/timeline?minPosition=9007199254740991'),
        ),
      );
      // Far below the 20 s a signed-in caller may wait (generous for a busy machine).
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.headers.get('x-read-model-consistent')).toBe('false');
      }
    });

    it('still lets an anonymous reader see a write that is already applied', async () => {
      const joined = await api.post('/members', memberBody(randomUUID()));
      expect(joined.status).toBe(201);
      const position = joined.body.position as number;
      const signedIn = await api.request('GET', `/timeline?minPosition=${position}`);
      expect(signedIn.headers.get('x-read-model-consistent')).toBe('true');
      const answer = await api.anonymous().request('GET', `/timeline?minPosition=${position}`);
      expect(answer.headers.get('x-read-model-consistent')).toBe('true');
    });
  });
});
