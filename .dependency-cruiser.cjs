/** Layer rules (docs/architecture.md, "Layers"), checked in `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain depends on nothing of ours but libs/contracts, and on no package at all.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { pathNot: ['^libs/domain/src', '^libs/contracts/src'] },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'libs/contracts is what crosses process boundaries: no app, no adapter, no domain.',
      severity: 'error',
      from: { path: '^libs/contracts/src' },
      to: { path: ['^apps/', '^libs/(domain|event-store|read-store)/'] },
    },
    {
      name: 'contracts-free-of-frameworks',
      comment:
        'libs/contracts holds events, read-model types and vocabularies as plain data: the HTTP DTOs (Nest, ' +
        'class-validator) live in the API, beside the use case they serve.',
      severity: 'error',
      from: { path: '^libs/contracts/src' },
      to: { path: 'node_modules/(@nestjs/|class-validator/|class-transformer/)' },
    },
    {
      name: 'slices-stand-alone',
      comment:
        'A use case (apps/api/src/<area>/commands/<name>, .../queries/<name>) keeps its DTO, command, handler, ' +
        'controller and example in its folder and imports no other use case: what several share lives in the ' +
        "area's folder or in apps/api/src/shared.",
      severity: 'error',
      from: { path: '^apps/api/src/([^/]+)/(commands|queries)/([^/]+)/' },
      to: {
        path: '^apps/api/src/[^/]+/(commands|queries)/[^/]+/',
        pathNot: '^apps/api/src/$1/$2/$3/',
      },
    },
    {
      name: 'projector-reads-events-not-the-domain',
      severity: 'error',
      from: { path: '^apps/projector' },
      to: { path: ['^libs/domain', '^apps/api'] },
    },
    {
      name: 'projections-read-events-not-the-domain',
      comment:
        'Read models are built from events (libs/contracts), never from the deciders; the runtime reaches the stores through their ports (tests use the SQLite adapters).',
      severity: 'error',
      from: { path: '^libs/projections', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      to: { path: ['^libs/domain', '^libs/event-store/src/adapters', '^libs/read-store/src/adapters'] },
    },
    {
      name: 'projections-free-of-the-runtime',
      comment:
        'libs/projections holds the pure projections and their runner, tests included: no Nest, no worker threads ' +
        '(libs/projection-runtime wires them), no store wiring (libs/stores).',
      severity: 'error',
      from: { path: '^libs/projections/' },
      to: {
        path: [
          'node_modules/@nestjs/',
          '^libs/projection-runtime/',
          '^libs/stores/',
          '^(node:)?worker_threads$',
        ],
      },
    },
    {
      name: 'projection-runtime-through-ports',
      comment:
        'libs/projection-runtime (the Nest module, the projector service, its worker thread) runs the projections ' +
        'against the ports; the adapters reach it only as libs/stores wires them (tests open SQLite themselves).',
      severity: 'error',
      from: { path: '^libs/projection-runtime/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      to: { path: ['^libs/domain', '^libs/(event-store|read-store)/src/adapters/'] },
    },
    {
      name: 'port-index-exports-the-port-only',
      comment:
        "A port's index (@app/event-store, @app/read-store) exports the port alone, so whatever imports the port cannot reach an adapter through it; adapters are imported from their own paths (libs/stores wires them, tests use them).",
      severity: 'error',
      from: { path: '^libs/(event-store|read-store)/src/index\\.ts$' },
      to: { path: '/adapters/' },
    },
    {
      name: 'resilience-stands-alone',
      comment:
        'libs/resilience (store error kinds, deadlines, backoff, fault fixtures) is used by adapters and runtimes alike.',
      severity: 'error',
      from: { path: '^libs/resilience/src' },
      to: { path: ['^apps/', '^libs/(?!resilience/)'] },
    },
    {
      name: 'libs-do-not-depend-on-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'product-does-not-import-tools',
      comment:
        'tools/ (the demo generator) builds and checks things for the product; nothing in apps or libs, tests ' +
        'included, loads it, so the build and the product never need it.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { path: '^tools/' },
    },
    {
      name: 'command-pipeline-below-the-edge',
      comment:
        'The command pipeline (apps/api/src/commands) knows neither authentication nor metrics: AuthGuard puts the sender on the request (setSender), the metrics listen (APPENDED_EVENTS_LISTENER).',
      severity: 'error',
      from: { path: '^apps/api/src/commands/' },
      to: { path: '^apps/api/src/(auth|metrics|hardening)/' },
    },
    {
      name: 'auth-below-the-composition',
      comment: 'Authentication uses the stores (@app/stores), not the modules that compose the app.',
      severity: 'error',
      from: { path: '^apps/api/src/auth/' },
      to: { path: '^apps/api/src/infrastructure/' },
    },
    {
      name: 'drivers-only-in-adapters',
      comment: 'Database drivers are imported by adapters only.',
      severity: 'error',
      from: { pathNot: ['/adapters/', '^libs/stores/', '\\.spec\\.ts$', '/testing/', '^scripts/'] },
      // Types may be named anywhere (a port's signature); loading a driver is for adapters.
      to: {
        path: 'node_modules/(better-sqlite3|mongodb|@eventstore/db-client)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'browser-code-stands-alone',
      comment:
        "The web page's script modules run in the browser as they are written: they import each other, nothing else.",
      severity: 'error',
      from: { path: '^apps/api/src/web/assets/' },
      to: { pathNot: '^apps/api/src/web/assets/' },
    },
    {
      name: 'server-does-not-import-browser-code',
      comment: "The app serves the page's files; it never loads them as modules.",
      severity: 'error',
      from: { pathNot: '^apps/api/src/web/assets/' },
      to: { path: '^apps/api/src/web/assets/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages stay in the graph (not followed), so the rules about drivers and frameworks can see them.
    exclude: { path: ['^dist/'] },
  },
};
