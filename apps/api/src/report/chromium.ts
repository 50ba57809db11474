import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LaunchOptions } from 'playwright-core';

/**
 * The one place that decides which Chromium prints the report's PDFs and drives the browser tests:
 *
 * 1. `CHROMIUM_PATH`, when set: a browser of the machine's own (Debian's `/usr/bin/chromium`, a CI image's);
 * 2. otherwise the headless Chromium that the npm package `@sparticuz/chromium` ships, so that `npm install` brings
 *    everything needed and nothing is downloaded from outside the npm registry.
 *
 * The package keeps Chromium (a headless shell build) brotli-compressed and unpacks it into the temp folder on
 * first use (`/tmp/chromium`, a few seconds once per machine), with the font it ships (Open Sans) and, here, the NSS
 * libraries it ships for Amazon Linux: a machine with Node.js and nothing else has no `libnss3`. The browser gets
 * those through its own environment (`LD_LIBRARY_PATH`, `FONTCONFIG_PATH`), never this process's.
 */
export async function chromiumLaunchOptions(
  override: string | undefined = process.env.CHROMIUM_PATH,
): Promise<LaunchOptions & { executablePath: string }> {
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override}, and there is no such file.`);
    return { executablePath: override, args: OFFLINE_ARGS, headless: true };
  }
  return packagedChromium();
}

// No internet needed: without these flags Chromium waits on network lookups (updates, sync, QUIC). The package's
// own `Chromium.args` are for serverless functions (`--single-process`, `--disable-web-security`): the tests need
// the browser's real security model (the page's content security policy), so they are not used.
const OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function packagedChromium(): Promise<LaunchOptions & { executablePath: string }> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `@sparticuz/chromium ships Chromium for Linux on x64 only, not ${process.platform} on ${process.arch}: ` +
        'set CHROMIUM_PATH to a Chromium or Chrome of this machine.',
    );
  }
  let Chromium: typeof import('@sparticuz/chromium').default;
  try {
    Chromium = (await import('@sparticuz/chromium')).default;
  } catch (error) {
    throw new Error(
      'The report PDFs and the browser tests use the Chromium of the npm package @sparticuz/chromium, which is not ' +
        'installed: run `npm install`, or set CHROMIUM_PATH to a Chromium of your own.',
      { cause: error },
    );
  }
  // The package's internals, pinned by the exact version in package.json: the compressed files sit in `bin/`
  // beside `build/`, and `lambdafs` unpacks one into the temp folder (it is what `executablePath()` uses itself).
  const entry = require.resolve('@sparticuz/chromium');
  const bin = join(dirname(entry), '..', '..', 'bin');
  const { version } = JSON.parse(readFileSync(join(bin, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const { inflate } = createRequire(entry)('./lambdafs.cjs') as {
    inflate: (file: string) => Promise<string>;
  };

  const libraries = join(await inflate(join(bin, 'al2023.tar.br')), 'lib');
  const env = {
    ...definedEntries(process.env),
    LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    FONTCONFIG_PATH: fontConfig(),
  };

  let executablePath = await Chromium.executablePath();
  // The package reuses whatever `/tmp/chromium` it finds: one left by another version of the package, or cut
  // short when a run was stopped while unpacking, would fail later and obscurely. Unpack it again then.
  if (!reportsVersion(executablePath, version, env)) {
    rmSync(executablePath, { force: true });
    executablePath = await Chromium.executablePath();
    if (!reportsVersion(executablePath, version, env)) {
      throw new Error(`${executablePath}, unpacked from @sparticuz/chromium ${version}, does not start.`);
    }
  }
  return { executablePath, args: OFFLINE_ARGS, headless: true, env };
}

/**
 * A fontconfig setup of the tests' own: the package's Open Sans (unpacked by `executablePath()` into the temp
 * folder's `fonts/`) for every generic family the pages name, so text looks the same on every machine; the
 * machine's own fonts, where it has any, only for characters Open Sans lacks (the pages' arrows ← → and the
 * report's trend marks ▲ ▼ ■). The package's own fonts.conf would leave those blank.
 */
function fontConfig(): string {
  const dir = join(tmpdir(), 'slimmernetwerk-fontconfig');
  mkdirSync(dir, { recursive: true });
  const prefer = (family: string) =>
    `  <alias binding="same"><family>${family}</family><prefer><family>Open Sans</family></prefer></alias>`;
  writeFileSync(
    join(dir, 'fonts.conf'),
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      `  <dir>${join(tmpdir(), 'fonts')}</dir>`,
      '  <dir>/usr/share/fonts</dir>',
      '  <dir>/usr/local/share/fonts</dir>',
      `  <cachedir>${join(dir, 'cache')}</cachedir>`,
      ...['sans-serif', 'serif', 'monospace', 'system-ui'].map(prefer),
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return dir;
}

/** Whether the binary starts and is the package's Chromium (the package's major version is Chromium's). */
function reportsVersion(
  executablePath: string,
  packageVersion: string,
  env: Record<string, string>,
): boolean {
  try {
    const output = execFileSync(executablePath, ['--version'], { env, timeout: 60_000, encoding: 'utf8' });
    return output.startsWith(`Chromium ${packageVersion.split('.')[0]}.`);
  } catch {
    return false;
  }
}

function definedEntries(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
