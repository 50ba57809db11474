import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the page's files are: `index.html` and the folder `assets/` beside this module. That is the source folder
 * when the tests run the app from TypeScript, and its copy in `dist/` after `nest build api` (nest-cli.json's
 * `assets` copies them there, as they are: swc compiles TypeScript only).
 */
export const WEB_DIR = __dirname;
export const ASSETS_DIR = join(WEB_DIR, 'assets');
/** The URL prefix of the assets: `/assets/app.js` is `assets/app.js`. */
export const ASSETS_PREFIX = '/assets/';

const ENTRY_FILES = [join(WEB_DIR, 'index.html'), join(ASSETS_DIR, 'app.js'), join(ASSETS_DIR, 'app.css')];

/** A file of the page, read once at start-up; a build that left the files out fails the start, not the reader. */
export function readWebFile(name: string): string {
  assertWebFiles();
  return readFileSync(join(WEB_DIR, name), 'utf8');
}

function assertWebFiles(): void {
  const missing = ENTRY_FILES.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The web page's files are missing (${missing.join(', ')}): \`nest build api\` copies them from ` +
        'apps/api/src/web (nest-cli.json, compilerOptions.assets).',
    );
  }
}

/**
 * Serves `assets/` at `/assets/` with @fastify/static: one route per file found at start-up (`wildcard: false`:
 * @fastify/static 10, index.js, globs the root when it registers and declares a GET/HEAD route per file), so any
 * other path under the prefix, `..` and its encodings included, matches no route and is answered 404 by the app's
 * not-found handler (problem details); no directory listing, no index. `Cache-Control: no-cache` with
 * the ETag and Last-Modified that @fastify/send computes: a browser revalidates each file on every load (a 304 when
 * it is unchanged), so a new deployment is seen at once. The security headers (helmet) apply as on every route;
 * the Nest guards do not (these are not Nest routes), which suits files that hold no data.
 */
export async function serveWebAssets(app: NestFastifyApplication): Promise<void> {
  assertWebFiles();
  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: ASSETS_PREFIX,
    wildcard: false,
    index: false,
    list: false,
    decorateReply: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', 'no-cache');
      // RFC 9239 names text/javascript; @fastify/send 4 (its `mime` 3 table) says application/javascript. A module
      // script runs with either, but the page has always been served as text/javascript.
      if (path.endsWith('.js')) reply.header('content-type', 'text/javascript; charset=utf-8');
    },
  });
}
