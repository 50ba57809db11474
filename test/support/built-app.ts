import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * The apps as `npm start` and `npm run start:projector` run them: built with `nest build`, started as processes of
 * their own on a free port, for the tests that kill them (SIGKILL) or run two side by side.
 */
export const ROOT = resolve(__dirname, '..', '..');

/** Builds one app into dist/ (what its start script runs); call it in a `beforeAll` with a generous timeout. */
export function buildApp(app: 'api' | 'projector'): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', app], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** A TCP port nobody listens on at this moment (the system picks it). */
export const freePort = () =>
  new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });

export interface BuiltProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Everything it wrote to stdout and stderr, in order. */
  output: string[];
  /** Its exit code once its output is all read ('close', not 'exit'). */
  exited: Promise<number | null>;
}

/**
 * Starts a built entry point (relative to dist/apps, e.g. `api/src/main.js`) on a free port, given to it in
 * `portVariable`, and waits until `/health/live` answers; fails with its output if it exits or does not answer
 * within `timeoutMs`. `spawned` is told of the process at once, so that a test's clean-up can stop it even when
 * the start of another one fails first.
 */
export async function startBuilt(options: {
  main: string;
  env: NodeJS.ProcessEnv;
  portVariable: 'PORT' | 'PROJECTOR_PORT';
  timeoutMs?: number;
  spawned?: (started: BuiltProcess) => void;
}): Promise<BuiltProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', options.main)], {
    cwd: ROOT,
    env: { ...options.env, HOST: '127.0.0.1', [options.portVariable]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  options.spawned?.({ child, url, output, exited });
  for (const deadline = Date.now() + (options.timeoutMs ?? 30_000); Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`${options.main} exited: ${output.join('')}`);
    const live = await fetch(`${url}/health/live`).catch(() => undefined);
    if (live?.ok) return { child, url, output, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${options.main} did not answer: ${output.join('')}`);
}
