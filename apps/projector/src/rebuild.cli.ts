import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { ALL_PROJECTIONS } from '@app/projections';
import { rebuildProjection } from '@app/projections/runner';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { StoresModule } from '@app/stores';
import { loadProjectorConfig } from './config/projector.config';

const USAGE = `Usage: npm run projections:rebuild -- <${ALL_PROJECTIONS.map((p) => p.name).join('|')}|all>

Rebuilds read models from the first event into a new version of their collections; readers keep the current
version until the new one has caught up, then switch over. An interrupted rebuild continues where it stopped
when started again.`;

async function main(args: string[]): Promise<number> {
  const wanted = args[0];
  if (!wanted || args.length > 1 || wanted === '--help' || wanted === '-h') {
    console.error(USAGE);
    return wanted === '--help' || wanted === '-h' ? 0 : 2;
  }
  const projections = wanted === 'all' ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => p.name === wanted);
  if (projections.length === 0) {
    console.error(`Unknown projection "${wanted}".\n\n${USAGE}`);
    return 2;
  }

  const config = loadProjectorConfig(process.env);
  const context = await NestFactory.createApplicationContext(StoresModule.forRoot(config.stores), {
    logger: false,
  });
  const eventStore = context.get<EventStore>(EVENT_STORE);
  const readStore = context.get<ReadStore>(READ_STORE);
  // Forgotten members stay forgotten in the rebuilt read models: their keys are gone from the key store.
  const personalData = context.get<PersonalDataReader>(PERSONAL_DATA_TRANSFORMER);
  try {
    const head = (await eventStore.headPosition()) ?? 0;
    for (const projection of projections) {
      const bar = new SingleBar({
        format: `${projection.name.padEnd(16)} [{bar}] {percentage}% | {value}/{total} positions | {rate} events/s | ETA {eta_formatted}`,
        hideCursor: true,
        // Progress goes to stderr so the summary on stdout stays clean; no bar when not on a terminal.
        noTTYOutput: false,
        stream: process.stderr,
      });
      const started = Date.now();
      let applied = 0;
      bar.start(Math.max(head, 1), 0, { rate: 0 });
      const result = await rebuildProjection(projection, eventStore, readStore, {
        batchSize: config.batchSize,
        personalData,
        onProgress: (status, count) => {
          applied += count;
          const seconds = (Date.now() - started) / 1000;
          bar.setTotal(Math.max(head, status.position, 1));
          bar.update(status.position, { rate: seconds > 0 ? Math.round(applied / seconds) : 0 });
        },
      });
      bar.update(Math.max(head, result.position), {});
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${projection.name}: rebuilt version ${result.version} from ${result.events} events in ${seconds.toFixed(1)} s` +
          `${result.previousVersion ? `, replacing version ${result.previousVersion}` : ''}; readers switched over.`,
      );
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await context.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    new NestLogger('Rebuild').error(error);
    process.exit(1);
  },
);
