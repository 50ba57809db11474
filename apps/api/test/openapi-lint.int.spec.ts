import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness } from './api-harness';

const LINT = join(__dirname, '../../../scripts/lint-openapi.mjs');

/**
 * The OpenAPI document as client generators and documentation tools read it: Redocly's recommended rules find no
 * error in it (warnings are listed, not failed on), and it is served where Nest's own examples serve it too.
 */
describe('The OpenAPI document', () => {
  const api = ApiHarness.forTests();

  it('passes Redocly lint (recommended rules) without an error', async () => {
    const { status, body } = await api.anonymous().request('GET', '/docs/openapi.json');
    expect(status).toBe(200);
    const file = join(api.dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(body));
    const lint = spawnSync(process.execPath, [LINT, file], { encoding: 'utf8' });
    expect({
      exit: lint.status,
      errors: lint.stdout.split('\n').filter((l) => l.startsWith('error')),
    }).toEqual({
      exit: 0,
      errors: [],
    });
    expect(lint.stdout).toMatch(/^0 errors, \d+ warnings$/m);
  });

  it('declares the open endpoints as open, and a server relative to the API', async () => {
    const { body } = await api.anonymous().request('GET', '/docs/openapi.json');
    expect(body.servers).toEqual([{ url: '/', description: 'This API' }]);
    expect(body.paths['/health'].get.security).toEqual([]);
    expect(body.paths['/doetanks'].post.security).toEqual([{ bearer: [] }]);
  });

  it('is served at /docs-json too, the same document', async () => {
    const main = await api.anonymous().request('GET', '/docs/openapi.json');
    const alias = await api.anonymous().request('GET', '/docs-json');
    expect(alias.status).toBe(200);
    expect(alias.headers.get('content-type')).toMatch(/^application\/json/);
    expect(alias.body).toEqual(main.body);
  });
});
