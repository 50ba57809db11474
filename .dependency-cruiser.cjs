/** Layer rules (docs/architecture.md, "Layers"), checked in `npm run lint`. */

/** A rule that fails the lint: no module matching `from` may depend on one matching `to`. */
const forbid = (name, from, to, comment) => ({
  name,
  severity: 'error',
  from,
  to,
  ...(comment && { comment }),
});

module.exports = {
  forbidden: [
    forbid(
      'domain-is-pure',
      { path: '^libs/domain/src' },
      { pathNot: ['^libs/domain/src', '^libs/contracts/src'] },
      'libs/domain depends on nothing of ours but libs/contracts, and on no package at all.',
    ),
    forbid(
      'contracts-stand-alone',
      { path: '^libs/contracts/src' },
      { path: ['^apps/', '^libs/(domain|event-store|read-store)/'] },
      'libs/contracts is what crosses process boundaries: no app, no adapter, no domain.',
    ),
    forbid(
      'contracts-free-of-frameworks',
      { path: '^libs/contracts/src' },
      { path: 'node_modules/(@nestjs/|class-validator/|class-transformer/)' },
      'libs/contracts holds events, read-model types and vocabularies as plain data: the HTTP DTOs (Nest, ' +
        'class-validator) live in the API, beside the use case they serve.',
    ),
    forbid(
      'slices-stand-alone',
      { path: '^apps/api/src/([^/]+)/(commands|queries)/([^/]+)/' },
      { path: '^apps/api/src/[^/]+/(commands|queries)/[^/]+/', pathNot: '^apps/api/src/$1/$2/$3/' },
      'A use case (apps/api/src/<area>/commands/<name>, .../queries/<name>) keeps its DTO, controller, ' +
        'example and (when it spans streams) command and handler in its folder and imports no other use case: ' +
        "what several share lives in the area's folder or in apps/api/src/shared.",
    ),
    forbid(
      'projector-reads-events-not-the-domain',
      { path: '^apps/projector' },
      { path: ['^libs/domain', '^apps/api'] },
    ),
    forbid(
      'projections-read-events-not-the-domain',
      { path: '^libs/projections', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      { path: ['^libs/domain', '^libs/event-store/src/adapters', '^libs/read-store/src/adapters'] },
      'Read models are built from events (libs/contracts), never from the deciders; the runtime reaches ' +
        'the stores through their ports (tests use the SQLite adapters).',
    ),
    forbid(
      'projections-free-of-the-runtime',
      { path: '^libs/projections/' },
      {
        path: [
          'node_modules/@nestjs/',
          '^libs/projection-runtime/',
          '^libs/stores/',
          '^(node:)?worker_threads$',
        ],
      },
      'libs/projections holds the pure projections and their runner, tests included: no Nest, no worker ' +
        'threads (libs/projection-runtime wires them), no store wiring (libs/stores).',
    ),
    forbid(
      'projection-runtime-through-ports',
      { path: '^libs/projection-runtime/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      { path: ['^libs/domain', '^libs/(event-store|read-store)/src/adapters/'] },
      'libs/projection-runtime (the Nest module, the projector service, its worker thread) runs the ' +
        'projections against the ports; the adapters reach it only as libs/stores wires them (tests open ' +
        'SQLite themselves).',
    ),
    forbid(
      'port-index-exports-the-port-only',
      { path: '^libs/(event-store|read-store)/src/index\\.ts$' },
      { path: '/adapters/' },
      "A port's index (@app/event-store, @app/read-store) exports the port alone, so whatever imports the " +
        'port cannot reach an adapter through it; adapters are imported from their own paths (libs/stores ' +
        'wires them, tests use them).',
    ),
    forbid(
      'resilience-stands-alone',
      { path: '^libs/resilience/src' },
      { path: ['^apps/', '^libs/(?!resilience/)'] },
      'libs/resilience (store error kinds, deadlines, backoff, fault fixtures) is used by adapters and ' +
        'runtimes alike.',
    ),
    forbid('libs-do-not-depend-on-apps', { path: '^libs/' }, { path: '^apps/' }),
    forbid(
      'product-does-not-import-tools',
      { path: '^(apps|libs)/' },
      { path: '^tools/' },
      'tools/ (the demo generator) builds and checks things for the product; nothing in apps or libs, ' +
        'tests included, loads it, so the build and the product never need it.',
    ),
    forbid(
      'command-pipeline-below-the-edge',
      { path: '^apps/api/src/commands/' },
      { path: '^apps/api/src/(auth|metrics|hardening)/' },
      'The command pipeline (apps/api/src/commands) knows neither authentication nor metrics: AuthGuard ' +
        'puts the sender on the request (setSender), the metrics listen (APPENDED_EVENTS_LISTENER).',
    ),
    forbid(
      'auth-below-the-composition',
      { path: '^apps/api/src/auth/' },
      { path: '^apps/api/src/infrastructure/' },
      'Authentication uses the stores (@app/stores), not the modules that compose the app.',
    ),
    forbid(
      'drivers-only-in-adapters',
      { pathNot: ['/adapters/', '^libs/stores/', '\\.spec\\.ts$', '/testing/', '^scripts/'] },
      {
        path: 'node_modules/(better-sqlite3|mongodb|@eventstore/db-client)/',
        dependencyTypesNot: ['type-only'],
      },
      'Database drivers are imported by adapters only.',
    ),
    forbid(
      'browser-code-stands-alone',
      { path: '^apps/api/src/web/assets/' },
      { pathNot: '^apps/api/src/web/assets/' },
      "The web page's script modules run in the browser as they are written: they import each other, " +
        'nothing else.',
    ),
    forbid(
      'server-does-not-import-browser-code',
      { pathNot: '^apps/api/src/web/assets/' },
      { path: '^apps/api/src/web/assets/' },
      "The app serves the page's files; it never loads them as modules.",
    ),
    forbid('no-circular', {}, { circular: true }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages stay in the graph (not followed), so the rules about drivers and frameworks can see them.
    exclude: { path: ['^dist/'] },
  },
};
