import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ProjectorService } from '@app/projection-runtime';
import { loadProjectorConfig } from './config/projector.config';
import { createProjectorApp } from './projector.factory';

/** The projector on its own (production): `npm run start:projector`. In embedded mode the api runs it in-process. */
async function bootstrap(): Promise<void> {
  const config = loadProjectorConfig(process.env);
  const app = await createProjectorApp(config);
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: config.host });
  app.get(Logger).log(`Slimmernetwerk projector; health on http://${config.host}:${config.port}/health`);
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
