import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { exitOnShutdownSignals, exitWhenStoresCannotOpen, runProcess } from '@app/projection-runtime';
import { createApiApp } from './app.factory';
import { loadAppConfig } from './config/app.config';
import { loadDemoDataOnFirstStart } from './import/demo-data.loader';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig(process.env);
  const app = await createApiApp({ config });
  exitOnShutdownSignals(app);
  // Before listening, so that the first page a new user opens already shows the demo year.
  await loadDemoDataOnFirstStart(app, config, app.get(Logger));
  await app.listen({ port: config.port, host: config.host });
  app
    .get(Logger)
    .log(
      `Slimmernetwerk API on http://${config.host}:${config.port} (OpenAPI at /docs), events in ${config.stores.eventStore === 'sqlite' ? config.stores.sqliteFile : 'EventStoreDB'}`,
    );
  exitWhenStoresCannotOpen(app, (message) => app.get(Logger).error(message));
}

runProcess(bootstrap);
