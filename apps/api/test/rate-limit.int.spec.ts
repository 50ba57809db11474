import { randomUUID } from 'node:crypto';
import { ApiHarness } from './api-harness';

/**
 * Rate limiting as the attack run probed it (docs/security.md, threat model): a forged `X-Forwarded-For` does not
 * make a new client, one bucket per client across all routes, and refused tokens count against the address.
 */
describe('rate limiting (integration, real HTTP)', () => {
  const LIMIT = 5;

  describe('behind one reverse proxy (HTTP_TRUST_PROXY=true)', () => {
    const api = ApiHarness.forTests({
      env: { RATE_LIMIT_MAX: String(LIMIT), RATE_LIMIT_WINDOW_SECONDS: '60', HTTP_TRUST_PROXY: 'true' },
    });

    it('limits a client that writes its own leftmost X-Forwarded-For (only the proxy-added entry counts)', async () => {
      const anonymous = api.anonymous();
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 3; i++) {
        // The client forges a fresh leftmost entry each time; the proxy appends the address it saw.
        const forged = `10.${i}.${i}.${i + 1}, 198.51.100.7`;
        statuses.push(
          (await anonymous.request('GET', '/timeline', undefined, { 'x-forwarded-for': forged })).status,
        );
      }
      expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
      expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
      // Another client behind the same proxy has a bucket of its own.
      const other = await anonymous.request('GET', '/timeline', undefined, {
        'x-forwarded-for': '10.0.0.1, 198.51.100.8',
      });
      expect(other.status).toBe(200);
    });

    it('counts an IPv6 client by its /64, so rotating addresses inside it does not help', async () => {
      const anonymous = api.anonymous();
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) {
        const rotated = `2001:db8:1:2::${(i + 1).toString(16)}`;
        statuses.push(
          (await anonymous.request('GET', '/timeline', undefined, { 'x-forwarded-for': rotated })).status,
        );
      }
      expect(statuses.at(-1)).toBe(429);
      const neighbour = await anonymous.request('GET', '/timeline', undefined, {
        'x-forwarded-for': '2001:db8:1:3::1',
      });
      expect(neighbour.status).toBe(200);
    });
  });

  describe('behind proxies named by address (HTTP_TRUST_PROXY=<addresses/CIDRs>)', () => {
    // The test's requests come from loopback: that is the trusted proxy; 198.51.100.0/24 is not trusted.
    const api = ApiHarness.forTests({
      env: {
        RATE_LIMIT_MAX: String(LIMIT),
        RATE_LIMIT_WINDOW_SECONDS: '60',
        HTTP_TRUST_PROXY: '127.0.0.1/8,::1',
      },
    });

    it('takes the address the trusted proxy saw, and nothing the client wrote left of it', async () => {
      const anonymous = api.anonymous();
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) {
        const forged = `10.${i}.0.1, 203.0.113.${i + 1}, 198.51.100.9`;
        statuses.push(
          (await anonymous.request('GET', '/timeline', undefined, { 'x-forwarded-for': forged })).status,
        );
      }
      expect(statuses.at(-1)).toBe(429);
    });
  });

  describe('directly reachable (no proxy trusted)', () => {
    let api: ApiHarness;
    beforeEach(async () => {
      api = await ApiHarness.start({
        env: { RATE_LIMIT_MAX: String(LIMIT), RATE_LIMIT_WINDOW_SECONDS: '60' },
      });
    });
    afterEach(() => api.stop());

    it('ignores X-Forwarded-For entirely', async () => {
      const anonymous = api.anonymous();
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) {
        const forged = `10.${i}.0.1`;
        statuses.push(
          (await anonymous.request('GET', '/timeline', undefined, { 'x-forwarded-for': forged })).status,
        );
      }
      expect(statuses.at(-1)).toBe(429);
    });

    it('keeps one bucket per client across routes, not one per route', async () => {
      const member = api.as('member');
      const paths = ['/timeline', '/doetanks', '/members', '/timeline', '/doetanks', '/members'];
      const statuses: number[] = [];
      for (const path of paths) statuses.push((await member.request('GET', path)).status);
      expect(statuses.slice(0, LIMIT).every((status) => status !== 429)).toBe(true);
      expect(statuses[LIMIT]).toBe(429);
    });

    it('counts requests refused by authentication against the address, so token guessing is limited', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 3; i++) {
        const guess = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(randomUUID()).toString('base64url')}.x${i}`;
        statuses.push(
          (await api.request('GET', '/members', undefined, { authorization: `Bearer ${guess}` })).status,
        );
      }
      expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
      expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
      const refused = await api.request('GET', '/members', undefined, { authorization: 'Bearer x.y.z' });
      expect(refused.body.code).toBe('RATE_LIMIT.EXCEEDED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Requests without a token on routes that need one are refused by authentication too.
      expect((await api.anonymous().request('GET', '/members')).status).toBe(429);
      // A member's own bucket is not the address's: a verified token still gets through.
      expect((await api.as('member').request('GET', '/timeline')).status).toBe(200);
    });
  });
});
