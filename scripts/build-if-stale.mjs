// Builds the apps (`nest build <project>`) unless dist/ is newer than every source and build setting, so the
// CLIs (`npm run token|import|report`) start in a second instead of rebuilding each time.
// Usage: node scripts/build-if-stale.mjs [project ...]   (default: api; `nest build api` compiles apps/ and libs/)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const inputs = [
  'apps',
  'libs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  '.swcrc',
  'nest-cli.json',
];

/** The newest modification time under `path` (files only; node_modules and dist are never inside the inputs). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

const projects = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['api'];
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...inputs.map((input) => newest(join(root, input))));
if (builtAt > changedAt) process.exit(0);

const nest = join(root, 'node_modules', '.bin', 'nest');
for (const project of projects) execFileSync(nest, ['build', project], { cwd: root, stdio: 'inherit' });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
