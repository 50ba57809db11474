import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parentPort, workerData } from 'node:worker_threads';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { ALL_PROJECTIONS } from '@app/projections';
import { rebuildProjection } from '@app/projections/runner';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { StoresModule } from '@app/stores';
import { rebuildLogger } from './rebuild-lanes';
import type { LaneMessage, LaneRequest, WorkerLaneData } from './worker-lane';

/**
 * A rebuild lane in a worker thread (see `WorkerLane`): opens stores of its own, then rebuilds the projections it
 * is asked for, one at a time, reporting progress after every batch.
 */
async function main(): Promise<void> {
  const port = parentPort!;
  const { stores, batchSize } = workerData as WorkerLaneData;
  const post = (message: LaneMessage) => port.postMessage(message);
  const context = await NestFactory.createApplicationContext(StoresModule.forRoot(stores), { logger: false });
  const eventStore = context.get<EventStore>(EVENT_STORE);
  const readStore = context.get<ReadStore>(READ_STORE);
  const personalData = context.get<PersonalDataReader>(PERSONAL_DATA_TRANSFORMER);

  port.on('message', (request: LaneRequest) => {
    if (request.type === 'close') {
      void context.close().finally(() => port.close());
      return;
    }
    const projection = ALL_PROJECTIONS.find((p) => p.name === request.projection);
    if (!projection) {
      post({ type: 'failed', message: `Unknown projection ${request.projection}` });
      return;
    }
    rebuildProjection(projection, eventStore, readStore, {
      batchSize,
      personalData,
      logger: rebuildLogger,
      onProgress: (status, applied) => post({ type: 'progress', position: status.position, applied }),
    }).then(
      (result) => post({ type: 'done', result }),
      (error: unknown) =>
        post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  post({ type: 'ready' });
}

main().catch((error: unknown) => {
  // Thrown in a worker, the error reaches the Worker's 'error' event in the main thread.
  throw error;
});
