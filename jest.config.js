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
  '^@app/(contracts|domain|event-store|read-store)$': '<rootDir>/libs/$1/src',
  '^@app/(contracts|domain|event-store|read-store)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const project = (displayName, suffix, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${suffix}.spec.ts`],
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig] },
  moduleNameMapper,
  ...extra,
});

module.exports = {
  projects: [
    project('unit', 'unit'),
    project('integration', 'int', { slowTestThreshold: 15 }),
    project('e2e', 'e2e', { slowTestThreshold: 30 }),
  ],
};
