import { extname, join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `<name>` in `dir` (the caller's `__dirname`): the compiled `.js` in the
 * build; from the TypeScript sources (tests), through a hook that compiles them as the worker loads them.
 */
export function startWorkerThread(dir: string, name: string, options: WorkerOptions = {}): Worker {
  const extension = extname(__filename);
  const entry = join(dir, `${name}${extension}`);
  if (extension !== '.ts') return new Worker(entry, options);
  const hook = join(__dirname, 'typescript-worker-hook.cjs');
  return new Worker(`require(${JSON.stringify(hook)});\nrequire(${JSON.stringify(entry)});`, {
    ...options,
    eval: true,
  });
}
