import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ProjectorService } from '@app/projection-runtime';
import { createApiApp } from './app.factory';
import { loadAppConfig } from './config/app.config';
import { loadDemoDataOnFirstStart } from './import/demo-data.loader';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig(process.env);
  const app = await createApiApp({ config });
  app.enableShutdownHooks();
  // Before listening, so that the first page a new user opens already shows the demo year.
  await loadDemoDataOnFirstStart(app, config, app.get(Logger));
  await app.listen({ port: config.port, host: config.host });
  app
    .get(Logger)
    .log(
      `Slimmernetwerk API on http://${config.host}:${config.port} (OpenAPI at /docs), events in ${config.stores.eventStore === 'sqlite' ? config.stores.sqliteFile : 'EventStoreDB'}`,
    );
  // Stores that are not reachable yet are waited for (readiness says why meanwhile); an error that waiting
  // will not cure (a wrong setting) stops the process, as it would have at start-up.
  app
    .get(ProjectorService)
    .whenPrepared()
    .catch(async (error: unknown) => {
      app.get(Logger).error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
      await app.close().catch(() => undefined);
      process.exit(1);
    });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
