// Lets a worker thread started from the TypeScript sources (the tests, which run them through swc without a
// build) load `.ts` files: each is compiled on require with @swc/core and the project's .swcrc (which rewrites
// the `@app/*` imports), and a relative `./x.js` import finds the `.ts` file behind it (as Jest's moduleNameMapper
// does). The build (dist/) starts the compiled `.js` worker and never loads this file.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '../../..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const options = {
  ...swcrc,
  swcrc: false,
  // The .swcrc leaves tests and `testing/` folders out of the build; here nothing is skipped.
  exclude: undefined,
  sourceMaps: 'inline',
  // swc's API resolves `paths` against an absolute base URL (the CLI does the same from the .swcrc's folder).
  jsc: { ...swcrc.jsc, baseUrl: root },
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return resolveFilename.call(this, request, parent, ...rest);
  } catch (error) {
    if (!/^\.{1,2}\/.*\.js$/.test(request)) throw error;
    return resolveFilename.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
  }
};

// Stack traces of the worker point into the TypeScript sources.
process.setSourceMapsEnabled(true);
