// Three projects, chosen by file suffix: *.unit.spec.ts (pure code), *.int.spec.ts (adapters and the Nest app
// on the embedded store), *.e2e.spec.ts (the whole system from the outside).
const swcConfig = {
  swcrc: false,
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const moduleNameMapper = {
  // Dynamic imports name their file `./x.js` (as Node's ESM rules want); Jest finds the `.ts` behind it.
  '^(\\.{1,2}/.*)\\.js$': '$1',
  '^@app/(contracts|domain|event-store|read-store|projections|projection-runtime|stores|privacy|resilience)$':
    '<rootDir>/libs/$1/src',
  '^@app/(contracts|domain|event-store|read-store|projections|projection-runtime|stores|privacy|resilience)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
  // d3-scale and d3-shape (the report's charts) and their d3-* and internmap dependencies ship ES modules as .mjs,
  // which Jest always loads as ESM; each also ships a CommonJS-compatible UMD bundle, which the tests use instead.
  '^(d3-[a-z-]+|internmap)$': '<rootDir>/node_modules/$1/dist/$1.js',
};

// Nest 12 and cookie 2 (used by fastify's inject) ship as ES modules only. Node 20 can require() them, but Jest's
// own module loader cannot (it needs Node 24.9+ for that), so swc compiles those packages to CommonJS for the
// tests; the build does not need this. Add a package here when a test fails with "Must use import to load ES Module".
// jose (JWT verification) is an ES module only as well.
const esmOnlyPackages = ['@nestjs', 'cookie', 'content-disposition', 'jose'];
const esmSwcConfig = {
  swcrc: false,
  jsc: { target: 'es2023', parser: { syntax: 'ecmascript' } },
  module: { type: 'commonjs' },
};

const project = (displayName, suffix, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/{apps,libs,test,bench,tools}/**/*.${suffix}.spec.ts`],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcConfig],
    '/node_modules/.+\\.js$': ['@swc/jest', esmSwcConfig],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper,
  ...extra,
});

module.exports = {
  // A global option: Jest ignores `testTimeout` inside a project, so the per-project values above only document
  // intent. 60 s covers the slowest (e2e) tests on a busy two-core machine.
  testTimeout: 60_000,
  projects: [
    project('unit', 'unit'),
    project('integration', 'int', { slowTestThreshold: 15, testTimeout: 30_000 }),
    project('e2e', 'e2e', { slowTestThreshold: 30, testTimeout: 60_000 }),
  ],
};
