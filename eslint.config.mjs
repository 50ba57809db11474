// Lint rules, including the layer boundaries of docs/architecture.md, "Layers" (dependency-cruiser checks them too).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '*.js', '*.cjs', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // CommonJS scripts that Node loads without compiling (the worker thread's TypeScript hook for the tests).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Node scripts run as they are (no build): the build-if-stale helper of the CLIs, the build steps of the
    // benchmark and of the tools.
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'tools/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The web page's script modules, served as they are written (no build): browser code, so the browser's
    // globals that the page uses and nothing of Node. Data reaches the page as text, never as markup.
    files: ['apps/api/src/web/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      ecmaVersion: 2022,
      globals: Object.fromEntries(
        [
          'document',
          'window',
          'location',
          'fetch',
          'URL',
          'URLSearchParams',
          'localStorage',
          'sessionStorage',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      'no-console': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
          property,
          message: 'Insert data as text (el(), textContent), never as markup.',
        })),
        ...['write', 'writeln'].map((property) => ({
          object: 'document',
          property,
          message: 'Insert data as text (el(), textContent), never as markup.',
        })),
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'better-sqlite3', 'mongodb', '@eventstore/*', 'fastify'],
              message: 'libs/domain is pure.',
            },
            {
              group: ['@app/event-store*', '@app/read-store*', '**/apps/**'],
              message: 'libs/domain imports no adapter or app.',
            },
            { group: ['node:*', 'fs', 'crypto', 'http'], message: 'libs/domain does no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'time arrives with the command' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'no randomness in the domain' },
      ],
    },
  },
  {
    files: ['apps/projector/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@app/domain*'], message: 'the projector reads events, not the domain' }] },
      ],
    },
  },
  {
    // Tests read untyped JSON answers; scripts, the benchmark and the tools print.
    files: [
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'tools/**/*.ts',
      '**/*.cli.ts',
      '**/*.spec.ts',
      '**/testing/**/*.ts',
      '**/test/**/*.ts',
    ],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
