// Compiles the benchmark (bench/src) and the synthetic event generator it drives into dist/, next to the app
// build (`nest build api`, which compiles apps/ and libs/), with the project's own .swcrc. That .swcrc leaves
// every `testing/` folder out of the app build; the benchmark needs libs/contracts/src/testing/synthetic-network.ts,
// so this script compiles it with the same options minus that one exclusion.
import { transformFile } from '@swc/core';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const sources = [
  ...walk(join(root, 'bench/src')).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
  join(root, 'libs/contracts/src/testing/synthetic-network.ts'),
];

// A fresh dist/bench each time: no stale file of a renamed source is left to be loaded.
rmSync(join(root, 'dist/bench'), { recursive: true, force: true });
await Promise.all(
  sources.map(async (source) => {
    const target = join(root, 'dist', relative(root, source)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(source, { ...options, filename: source, sourceMaps: true });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${basename(target)}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
  }),
);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
