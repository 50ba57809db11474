import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { extname, join } from 'node:path';
import { ASSETS_DIR, WEB_DIR } from '../src/web/web-assets';
import { WEB_CSP } from '../src/web/web.http.controller';
import { ApiHarness } from './api-harness';

/**
 * The web page's files as the app serves them over real HTTP: the page at `/` with its policy, each file of
 * `apps/api/src/web/assets/` at `/assets/` with its type and cache headers, and nothing else under that prefix
 * (what the page does with them is the browser test's part: browser.e2e.spec.ts).
 */

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A GET with the path and headers sent as given: fetch would resolve `..` and re-encode the path, and it adds
 * `Cache-Control: no-cache` to a conditional request, which makes the server ignore `If-None-Match`.
 */
function rawGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path, method: 'GET', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('The web page over HTTP', () => {
  const api = ApiHarness.forTests();

  it('serves the page at / with its own strict policy, revalidated on every load', async () => {
    const answer = await fetch(`${api.baseUrl}/`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('content-security-policy')).toBe(WEB_CSP);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(await answer.text()).toBe(readFileSync(join(WEB_DIR, 'index.html'), 'utf8'));
  });

  const assets = readdirSync(ASSETS_DIR).sort();

  it('has its script and stylesheet among the assets, and only files the browser loads', () => {
    expect(assets).toEqual(expect.arrayContaining(['app.js', 'app.css']));
    expect(assets.filter((file) => !TYPES[extname(file)])).toEqual([]);
  });

  it('preloads every module of the script, so that a browser fetches them together, not import by import', async () => {
    const html = await (await fetch(`${api.baseUrl}/`)).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/assets\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(preloaded.sort()).toEqual(assets.filter((file) => file.endsWith('.js') && file !== 'app.js'));
  });

  it.each(assets)('serves /assets/%s as it is, with its type, no-cache and a validator', async (file) => {
    const answer = await fetch(`${api.baseUrl}/assets/${file}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(TYPES[extname(file)]);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(answer.headers.get('last-modified')).toBeTruthy();
    // The security headers of every answer (helmet) apply to the files too.
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.text()).toBe(readFileSync(join(ASSETS_DIR, file), 'utf8'));

    const etag = answer.headers.get('etag');
    expect(etag).toBeTruthy();
    // What a browser sends when it revalidates its copy: unchanged, so no body.
    const again = await rawGet(api.baseUrl, `/assets/${file}`, { 'if-none-match': etag! });
    expect(again).toEqual({ status: 304, body: '' });
  });

  it.each([
    '/assets/',
    '/assets',
    '/assets/missing.js',
    '/assets/APP.JS',
    '/assets/app.js/',
    '/assets//app.js',
    '/assets/./app.js',
    '/assets/.hidden',
    '/static/../package.json',
    '/assets/../package.json',
    '/assets/../index.html',
    '/assets/../web.module.ts',
    '/assets/../../../../../package.json',
    '/assets/..\\web.module.ts',
    '/assets/%2e%2e/web.module.ts',
    '/assets/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/package.json',
    '/assets/..%2fweb.module.ts',
    '/assets/%2e%2e%2fweb.module.ts',
    '/assets/..%5cweb.module.ts',
    '/assets/%252e%252e%252fweb.module.ts',
    '/assets/..%2f..%2f..%2f..%2f..%2fpackage.json',
    '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
  ])('answers 404 to %s, serving nothing from outside the assets', async (path) => {
    const answer = await rawGet(api.baseUrl, path);
    expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    expect(answer.body).not.toContain('slimmernetwerk-backend');
    expect(answer.body).not.toContain('WebModule');
    expect(answer.body).not.toContain('<!doctype html>');
  });
});
