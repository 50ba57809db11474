// Compiles tooling (folders or files under the repository, given as arguments: `node tools/build.mjs tools/demo`)
// into dist/, next to the app build (`nest build api`, which compiles apps/ and libs/ and nothing else), with the
// project's own .swcrc, so the compiled tool finds the app's compiled modules where its imports point. Specs are
// left out, as in the app build; `testing/` files named here are compiled (the benchmark: `node tools/build.mjs
// bench/src libs/contracts/src/testing/synthetic-network.ts`), which the .swcrc leaves out of the app build.
import { transformFile } from '@swc/core';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const options = {
  ...swcrc,
  swcrc: false,
  exclude: undefined,
  // swc's API resolves `paths` against an absolute base URL (the CLI does the same from the .swcrc's folder).
  jsc: { ...swcrc.jsc, baseUrl: root },
};

const targets = process.argv.slice(2).map((target) => resolve(root, target));
if (targets.length === 0) {
  console.error('Usage: node tools/build.mjs <folder or file> ...');
  process.exit(2);
}

const sources = targets.flatMap((target) => {
  if (!statSync(target).isDirectory()) return [target];
  // A fresh output folder each time: no stale file of a renamed source is left to be loaded.
  rmSync(outputOf(target), { recursive: true, force: true });
  return walk(target).filter((file) => /(?<!\.d|\.spec)\.ts$/.test(file));
});

await Promise.all(
  sources.map(async (source) => {
    const target = outputOf(source).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(source, { ...options, filename: source, sourceMaps: true });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${basename(target)}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
  }),
);

function outputOf(path) {
  return join(root, 'dist', relative(root, path));
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
