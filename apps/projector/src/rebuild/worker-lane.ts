import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { RebuildResult } from '@app/projections/runner';
import type { StoresConfig } from '@app/stores';
import type { RebuildLane } from './rebuild-lanes';

export interface WorkerLaneData {
  stores: StoresConfig;
  batchSize: number;
}

/** The worker's heap limits (`--max-old-space-size` and the young generation, three semi-spaces, for a thread). */
export type WorkerLaneOptions = Pick<ResourceLimits, 'maxOldGenerationSizeMb' | 'maxYoungGenerationSizeMb'>;

export type LaneRequest = { type: 'rebuild'; projection: string } | { type: 'close' };

export type LaneMessage =
  | { type: 'ready' }
  | { type: 'progress'; position: number; applied: number }
  | { type: 'done'; result: RebuildResult }
  | { type: 'failed'; message: string };

/** The compiled worker beside this file (the build); from TypeScript sources (tests) there is none. */
const WORKER_FILE = join(__dirname, 'rebuild-lane.worker.js');

/**
 * A rebuild lane in a worker thread: its own JavaScript heap and its own connections to the stores, so two lanes
 * use two cores. Started from the build only (`dist/`).
 */
export class WorkerLane implements RebuildLane {
  private pending?: {
    onProgress: (position: number, applied: number) => void;
    resolve: (result: RebuildResult) => void;
    reject: (error: unknown) => void;
  };
  private exited = false;
  private exitCode = 0;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: LaneMessage) => {
      const pending = this.pending;
      if (!pending) return;
      if (message.type === 'progress') pending.onProgress(message.position, message.applied);
      else if (message.type === 'done') this.settle(() => pending.resolve(message.result));
      else if (message.type === 'failed') this.settle(() => pending.reject(new Error(message.message)));
    });
    worker.on('error', (error) => {
      const pending = this.pending;
      if (pending) this.settle(() => pending.reject(error));
    });
    worker.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
      const pending = this.pending;
      if (pending)
        this.settle(() => pending.reject(new Error(`The rebuild worker stopped (exit code ${code})`)));
    });
  }

  static get available(): boolean {
    return existsSync(WORKER_FILE);
  }

  /** Starts the worker and waits until its stores are open. */
  static start(data: WorkerLaneData, options: WorkerLaneOptions = {}): Promise<WorkerLane> {
    const worker = new Worker(WORKER_FILE, {
      workerData: data,
      resourceLimits: { ...options },
    });
    return new Promise((resolve, reject) => {
      const failed = (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)));
      const exited = (code: number) =>
        reject(new Error(`The rebuild worker stopped while starting (exit code ${code})`));
      worker.once('error', failed);
      worker.once('exit', exited);
      worker.once('message', (message: LaneMessage) => {
        worker.off('error', failed);
        worker.off('exit', exited);
        if (message.type === 'ready') resolve(new WorkerLane(worker));
        else failed(message.type === 'failed' ? message.message : `unexpected ${message.type}`);
      });
    });
  }

  rebuild(
    projection: string,
    onProgress: (position: number, applied: number) => void,
  ): Promise<RebuildResult> {
    if (this.exited)
      return Promise.reject(new Error(`The rebuild worker stopped (exit code ${this.exitCode})`));
    if (this.pending) return Promise.reject(new Error('The rebuild worker is busy'));
    return new Promise((resolve, reject) => {
      this.pending = { onProgress, resolve, reject };
      this.worker.postMessage({ type: 'rebuild', projection } satisfies LaneRequest);
    });
  }

  /** Closes the worker's stores and waits for it to exit (at most 10 s, then it is terminated). */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'close' } satisfies LaneRequest);
    const timer = setTimeout(() => void this.worker.terminate(), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private settle(done: () => void): void {
    this.pending = undefined;
    done();
  }
}
