import 'reflect-metadata';
import { Module, type DynamicModule, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { StoresModule } from '@app/stores';
import { ALL_PROJECTIONS } from '@app/projections';
import type { ProjectionStatus } from '@app/projections/runner';
import type {
  FromProjectorWorker,
  NestLogMethod,
  ProjectorWorkerData,
  ReportedStatus,
  ToProjectorWorker,
} from './projector-thread';
import { ProjectorModule } from './projector.module';
import { ProjectorService } from './projector.service';
import { getHeapStatistics } from 'node:v8';

/**
 * The embedded projector's worker thread (started by ProjectorThread in the api): its own stores from the api's
 * stores configuration (its own SQLite connections to both files), and every projection run by ProjectorService
 * as the projector app runs them. Posts each projection's status after every change, and its log lines, to the
 * main thread; takes wake-ups, pause, resume and stop from it.
 */
@Module({})
class ProjectorWorkerModule {
  static forRoot(data: ProjectorWorkerData, onStatus: (status: ProjectionStatus, written: number) => void) {
    return {
      module: ProjectorWorkerModule,
      imports: [
        // Ready (and listening to the api's messages) at once; the projections start once the read store opens.
        StoresModule.forRoot(data.stores, { openInBackground: true }),
        ProjectorModule.forRoot({
          projections: ALL_PROJECTIONS.filter((projection) => data.projections.includes(projection.name)),
          run: true,
          batchSize: data.batchSize,
          lease: data.lease,
          onStatus,
        }),
      ],
    } satisfies DynamicModule;
  }
}

const post = (port: MessagePort, message: FromProjectorWorker) => port.postMessage(message);

/** Statuses changed within one turn of the event loop go out in one message (five runners, one wake-up). */
class StatusReporter {
  private readonly changed = new Map<string, ReportedStatus>();
  private scheduled = false;

  constructor(private readonly port: MessagePort) {}

  readonly report = (status: ProjectionStatus, written: number): void => {
    this.changed.set(status.name, { status, written });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  };

  flush(): void {
    this.scheduled = false;
    if (this.changed.size === 0) return;
    post(this.port, {
      type: 'status',
      statuses: [...this.changed.values()],
      heapUsedBytes: getHeapStatistics().used_heap_size,
    });
    this.changed.clear();
  }
}

/** pino's levels, which the api's LOG_LEVEL names; Nest's methods map onto them as nestjs-pino maps them. */
const PINO_LEVELS: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};
const METHOD_LEVELS: Record<NestLogMethod, number> = {
  verbose: 10,
  debug: 20,
  log: 30,
  warn: 40,
  error: 50,
  fatal: 60,
};
/** Nest's own start-up lines ("dependencies initialized") would repeat the api's; its warnings still go. */
const QUIET_CONTEXTS = new Set(['NestFactory', 'InstanceLoader']);

/**
 * The worker's Nest logger: hands every line the api's level lets through to the main thread, which logs it with
 * the api's logger (pino), structured fields (projection, positions, correlation ids) and context intact, plus
 * `thread: 'projector'` (the worker's "Stores closed" is not the api's).
 */
function postingLogger(port: MessagePort, level: string): LoggerService {
  const threshold = PINO_LEVELS[level] ?? PINO_LEVELS.info;
  const poster =
    (method: NestLogMethod) =>
    (message: unknown, ...params: unknown[]): void => {
      if (METHOD_LEVELS[method] < threshold) return;
      if (method === 'log' && QUIET_CONTEXTS.has(String(params[params.length - 1]))) return;
      try {
        post(port, { type: 'log', method, message: markThread(message, params), params });
      } catch {
        // Something in the line that cannot be copied to another thread (a function): its JSON form then.
        post(port, {
          type: 'log',
          method,
          message: JSON.parse(JSON.stringify(message) ?? 'null'),
          params: [],
        });
      }
    };
  const methods = Object.keys(METHOD_LEVELS) as NestLogMethod[];
  return Object.fromEntries(methods.map((method) => [method, poster(method)])) as Record<
    NestLogMethod,
    ReturnType<typeof poster>
  >;
}

/** A plain line (a message, or structured fields) gets `thread`; an error with its stack stays as it is. */
function markThread(message: unknown, params: unknown[]): unknown {
  if (params.length > 1) return message;
  if (typeof message === 'string') return { msg: message, thread: 'projector' };
  if (
    typeof message === 'object' &&
    message !== null &&
    Object.getPrototypeOf(message) === Object.prototype
  ) {
    return { ...message, thread: 'projector' };
  }
  return message;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('projector.worker runs as a worker thread of the api');
  const data = workerData as ProjectorWorkerData;
  const statuses = new StatusReporter(port);
  const app = await NestFactory.createApplicationContext(
    ProjectorWorkerModule.forRoot(data, statuses.report),
    {
      logger: postingLogger(port, data.logLevel),
      abortOnError: false,
    },
  );
  const projector = app.get(ProjectorService);
  const events = app.get<EventStore>(EVENT_STORE);
  if (data.paused) await projector.pause();

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    // The runners finish their batch and store their checkpoints; then the stores close.
    await app.close();
    statuses.flush();
    port.close();
  };
  port.on('message', (message: ToProjectorWorker) => {
    if (stopping) return;
    switch (message.type) {
      case 'appended':
        events.notifyAppendedElsewhere?.();
        break;
      case 'pause':
        void projector.pause().then(() => {
          statuses.flush();
          post(port, { type: 'paused' });
        });
        break;
      case 'resume':
        projector.resume();
        break;
      case 'stop':
        stopping = stop();
        break;
    }
  });
  statuses.flush();
  post(port, { type: 'ready' });
}

main().catch((error: unknown) => {
  // Thrown outside the promise: the thread ends, and the api gets the error (the worker's 'error' event).
  setImmediate(() => {
    throw error;
  });
});
