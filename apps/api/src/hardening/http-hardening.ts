import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { AppConfig } from '../config/app.config';
import { toProblem } from '../problem-details/problem-details.filter';

/**
 * The default Content-Security-Policy: only this origin's scripts, styles (inline ones too, for Swagger UI's page at
 * /docs), images and connections; no plugins, no framing. The web page at `/` and the HTML report send their own,
 * stricter policies.
 */
export const DEFAULT_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Headers a browser client may send and read, when CORS is on for some origins. */
const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'x-correlation-id',
  'x-actor-id',
];
const CORS_EXPOSED_HEADERS = [
  'idempotent-replayed',
  'x-read-model-consistent',
  'retry-after',
  'www-authenticate',
];

/**
 * Security headers (helmet), CORS and a limit on the URL's length, registered on the Fastify instance before the
 * routes. The body's size is limited by Fastify itself (HTTP_BODY_LIMIT_BYTES).
 */
export async function hardenHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // helmet's middleware, built once. (@fastify/helmet builds it anew for every request, parsing the policy each
  // time: a tenth of a bare request's cost in the benchmark.) Headers a route sets itself, such as the stricter
  // policies of the web page and the report, take precedence over these.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DEFAULT_CSP_DIRECTIVES },
    // The API serves JSON and two self-contained pages; nothing is embedded across origins.
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });

  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
  }

  // Graceful shutdown: requests in flight when the close begins are finished, and their answers carry
  // `Connection: close`, so that their keep-alive connections end with them. (Fastify refuses new requests with
  // 503 while closing, but a connection busy at the close would otherwise stay open until its keep-alive timeout,
  // 72 s, and hold the process.) A connection still busy after HTTP_SHUTDOWN_GRACE_MS (a client that does not
  // read its answer, or never finishes sending its request) is cut then: Node's http Server.closeAllConnections
  // (Node 18.2+), which Fastify 5 itself calls only with `forceCloseConnections: true`, at once and without a grace.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    const cut = setTimeout(() => fastify.server.closeAllConnections(), config.httpShutdownGraceMs);
    cut.unref();
    fastify.server.once('close', () => clearTimeout(cut));
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });

  const refuse = (
    reply: { status(code: number): { header(n: string, v: string): { send(b: unknown): unknown } } },
    error: HttpException,
  ) =>
    reply.status(error.getStatus()).header('content-type', 'application/problem+json').send(toProblem(error));

  // A long query string costs parsing and validation before any rule runs: refuse it at the door.
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.length <= config.httpMaxUrlLength) return;
    return refuse(
      reply,
      new HttpException(
        {
          message: `The URL is longer than ${config.httpMaxUrlLength} characters`,
          code: 'REQUEST.URL_TOO_LONG',
        },
        HttpStatus.URI_TOO_LONG,
      ),
    );
  });

  // The OpenAPI UI is served from swagger-ui-dist's folder, which also holds its package.json, licences and
  // megabytes of source maps: only the files the UI page loads are served (Nest's swagger page template names them).
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0];
    if (!path.startsWith(DOCS_PREFIX)) return;
    // The page refers to `./docs/<file>`: from /docs that is /docs/<file>, from /docs/ it is /docs/docs/<file>.
    const file = path.slice(DOCS_PREFIX.length).replace(/^docs\//, '');
    if (DOCS_FILES.has(file)) return;
    return refuse(
      reply,
      new HttpException(
        { message: `No route ${request.method} ${path}`, code: 'ROUTE.NOT_FOUND' },
        HttpStatus.NOT_FOUND,
      ),
    );
  });

  // A small body can still nest thousands of levels deep, and validation walks it recursively: no request body of
  // this API nests deeper than a few levels, so anything deeper is refused before it reaches the validation.
  fastify.addHook('preValidation', async (request, reply) => {
    if (nestingDepth(request.body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) return;
    return refuse(
      reply,
      new HttpException(
        { message: `The body nests deeper than ${MAX_BODY_DEPTH} levels`, code: 'REQUEST.TOO_DEEP' },
        HttpStatus.BAD_REQUEST,
      ),
    );
  });
}

/** Deepest nesting any request body may have (the deepest DTO, a year's themes, has 3). */
export const MAX_BODY_DEPTH = 16;

/** How deep `value` nests, counting no further than `limit + 1`; without recursion. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const DOCS_PREFIX = '/docs/';
/** What the OpenAPI UI page at /docs loads from /docs/, and the document itself. */
const DOCS_FILES = new Set([
  '',
  'openapi.json',
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'swagger-ui-init.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
]);
