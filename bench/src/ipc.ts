import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * Each heavy part runs in a child process of its own, so that its memory (RSS) is its own and no part's heap, JIT
 * or open files colour another's figures. The parent calls methods of a child over IPC; a child reports progress
 * while a call runs.
 */

/** Progress of a running call: `done` of `total` units (events, seconds), and a label. */
export interface Progress {
  label: string;
  done: number;
  total: number;
}

type ToChild = { kind: 'call'; id: number; method: string; params: unknown };
type FromChild =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'progress'; id: number; progress: Progress };

export type Handler = (params: never, progress: (progress: Progress) => void) => Promise<unknown>;

/** Child side: answers calls with the handlers; exits when the parent goes away. */
export function serveCalls(handlers: Record<string, Handler>): void {
  const send = (message: FromChild) => process.send?.(message);
  process.on('message', (message: ToChild) => {
    if (message?.kind !== 'call') return;
    const handler = handlers[message.method];
    if (!handler) {
      send({ kind: 'error', id: message.id, message: `Unknown method ${message.method}` });
      return;
    }
    handler(message.params as never, (progress) => send({ kind: 'progress', id: message.id, progress })).then(
      (result) => send({ kind: 'result', id: message.id, result }),
      (error: unknown) =>
        send({
          kind: 'error',
          id: message.id,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

/** Parent side: a child process running one of the `workers/*.worker.js` files. */
export class Worker {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void }
  >();
  private exited = false;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: FromChild) => {
      const call = this.pending.get(message.id);
      if (!call) return;
      if (message.kind === 'progress') {
        call.onProgress?.(message.progress);
        return;
      }
      this.pending.delete(message.id);
      if (message.kind === 'result') call.resolve(message.result);
      else call.reject(new Error(`${name}: ${message.message}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const call of this.pending.values()) {
        call.reject(new Error(`${name} worker exited (${signal ?? `code ${code}`}) during a call`));
      }
      this.pending.clear();
    });
  }

  /** Starts `dist/bench/src/workers/<name>.worker.js`. */
  static start(name: string, env: Record<string, string> = {}, nodeOptions: readonly string[] = []): Worker {
    const child = fork(join(__dirname, 'workers', `${name}.worker.js`), [], {
      env: { ...process.env, ...env },
      // The child's output goes to our stderr, beside the progress bars; our stdout stays for the table.
      stdio: ['ignore', 2, 2, 'ipc'],
      serialization: 'advanced',
      // BENCH_CPU_PROFILE=<folder>: every worker writes a V8 CPU profile there (open it in Chrome DevTools).
      execArgv: [
        ...nodeOptions,
        ...(process.env.BENCH_CPU_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
          : []),
      ],
    });
    return new Worker(name, child);
  }

  call<T>(method: string, params: unknown = {}, onProgress?: (progress: Progress) => void): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} worker has exited`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.child.send({ kind: 'call', id, method, params } satisfies ToChild);
    });
  }

  /** Ends the child (it exits when its IPC channel closes) and waits for it. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 30_000).unref();
    await exited;
    clearTimeout(timeout);
  }
}

/** One call in a fresh child process, which ends afterwards. */
export async function inFreshWorker<T>(
  name: string,
  method: string,
  params: unknown,
  onProgress?: (progress: Progress) => void,
  nodeOptions: readonly string[] = [],
): Promise<T> {
  const worker = Worker.start(name, {}, nodeOptions);
  try {
    return await worker.call<T>(method, params, onProgress);
  } finally {
    await worker.stop();
  }
}
