import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
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
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
