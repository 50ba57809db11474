import { randomUUID } from 'node:crypto';
import { CommandRunner } from '../src/commands/command-runner';
import { ApiHarness } from './api-harness';

/** Security headers, CORS, rate limiting, size limits and what errors reveal. */
describe('HTTP hardening', () => {
  describe('by default', () => {
    const api = ApiHarness.forTests();

    it('sends security headers and a restrictive Content-Security-Policy with every answer', async () => {
      const answer = await api.request('GET', '/projections');
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-powered-by')).toBeNull();
    });

    it('sends them with errors too', async () => {
      const answer = await api.anonymous().post('/doetanks', {});
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('keeps Swagger UI at /docs working: its scripts are its own files, its inline styles allowed', async () => {
      const page = await fetch(`${api.baseUrl}/docs`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      // Every script is a file of this origin (script-src 'self'), none inline.
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
      for (const src of html.match(/<script[^>]*src="([^"]+)"/g) ?? [])
        expect(src).not.toMatch(/https?:\/\//);
      const init = html.match(/src="([^"]*swagger-ui-init\.js)"/)?.[1];
      expect(init).toBeDefined();
      const script = await fetch(new URL(init!, `${api.baseUrl}/docs/`));
      await script.arrayBuffer();
      expect(script.status).toBe(200);
      const document = await fetch(`${api.baseUrl}/docs/openapi.json`);
      await document.arrayBuffer();
      expect(document.status).toBe(200);
    });

    it('serves the OpenAPI UI the files its page loads, and nothing else of its package', async () => {
      const html = await (await fetch(`${api.baseUrl}/docs`)).text();
      const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(loaded.length).toBeGreaterThanOrEqual(5);
      // As a browser resolves them from /docs.
      for (const file of loaded) {
        const url = new URL(file, `${api.baseUrl}/docs`).href;
        // Bodies are read to the end: a response left unread keeps its connection busy, and the api's stop waits.
        const answer = await fetch(url);
        await answer.arrayBuffer();
        expect({ url, status: answer.status }).toEqual({ url, status: 200 });
      }
      for (const path of [
        '/docs/package.json',
        '/docs/swagger-ui-bundle.js.map',
        '/docs/swagger-ui.css.map',
        '/docs/LICENSE',
        '/docs/index.html',
        '/docs/absolute-path.js',
        '/docs/swagger-ui-es-bundle.js',
        '/docs/docs/package.json',
      ]) {
        const answer = await fetch(`${api.baseUrl}${path}`);
        await answer.arrayBuffer();
        expect({ path, status: answer.status }).toEqual({ path, status: 404 });
        expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
      }
    });

    it('lets the web page keep its own, stricter policy', async () => {
      const page = await fetch(`${api.baseUrl}/`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
    });

    it('answers no cross-origin request (no CORS headers) unless origins are configured', async () => {
      const answer = await api.request('GET', '/timeline', undefined, { origin: 'https://evil.example' });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a URL longer than HTTP_MAX_URL_LENGTH with 414', async () => {
      const answer = await api.request('GET', `/timeline?member=${'a'.repeat(5000)}`);
      expect(answer.status).toBe(414);
      expect(answer.body).toMatchObject({ status: 414, code: 'REQUEST.URL_TOO_LONG' });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });

    it('refuses a body larger than HTTP_BODY_LIMIT_BYTES with 413, writing nothing', async () => {
      const answer = await api.post('/doetanks', { title: 'x'.repeat(70_000) });
      expect(answer.status).toBe(413);
    });

    it('never shows a stack trace or an internal message, not even for an unexpected error', async () => {
      const member = randomUUID();
      const failing = jest
        .spyOn(api.get(CommandRunner), 'run')
        .mockRejectedValueOnce(new Error('SQLITE_CORRUPT at /work/main/libs/event-store/secret.ts:42'));
      const answer = await api.post(`/members/${member}/leave`, {});
      failing.mockRestore();
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        type: 'https://slimmernetwerk.nl/problems/internal',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Something went wrong on our side; it has been logged',
        instance: `/members/${member}/leave`,
        code: 'INTERNAL',
      });
    });

    it('describes broken JSON without echoing internals', async () => {
      const answer = await api.post('/doetanks', '{"title": ', {});
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).not.toMatch(/node_modules|\.js:\d+|at [A-Z]\w+\./);
    });
  });

  describe('with CORS_ORIGINS', () => {
    const api = ApiHarness.forTests({ env: { CORS_ORIGINS: 'https://app.example,https://other.example' } });

    it('allows the configured origins, with the headers a client needs', async () => {
      const preflight = await fetch(`${api.baseUrl}/doetanks`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,idempotency-key',
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
      const answer = await api.request('GET', '/timeline', undefined, { origin: 'https://app.example' });
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example');
    });

    it('does not allow any other origin', async () => {
      const answer = await api.request('GET', '/timeline', undefined, { origin: 'https://evil.example' });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('rate limiting', () => {
    const api = ApiHarness.forTests({ env: { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_SECONDS: '60' } });

    it('answers 429 with Retry-After once a client has used up its requests', async () => {
      const anonymous = api.anonymous();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await anonymous.request('GET', '/timeline')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const refused = await anonymous.request('GET', '/timeline');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMIT.EXCEEDED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('counts per token subject, so one busy member does not block another', async () => {
      const busy = api.as('member');
      for (let i = 0; i < 5; i++) expect((await busy.request('GET', '/timeline')).status).toBe(200);
      expect((await busy.request('GET', '/timeline')).status).toBe(429);
      expect((await api.as('member').request('GET', '/timeline')).status).toBe(200);
    });

    it('does not limit service tokens (in-process imports)', async () => {
      const service = api.as('coordinator', 'system');
      for (let i = 0; i < 12; i++) expect((await service.request('GET', '/timeline')).status).toBe(200);
    });
  });
});
