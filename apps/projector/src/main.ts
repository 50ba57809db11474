import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { exitOnShutdownSignals, exitWhenStoresCannotOpen, runProcess } from '@app/projection-runtime';
import { loadProjectorConfig } from './config/projector.config';
import { createProjectorApp } from './projector.factory';

/** The projector on its own (production): `npm run start:projector`. In embedded mode the api runs it in-process. */
async function bootstrap(): Promise<void> {
  const config = loadProjectorConfig(process.env);
  const app = await createProjectorApp(config);
  exitOnShutdownSignals(app);
  await app.listen({ port: config.port, host: config.host });
  app.get(Logger).log(`Slimmernetwerk projector; health on http://${config.host}:${config.port}/health`);
  exitWhenStoresCannotOpen(app, (message) => app.get(Logger).error(message));
}

runProcess(bootstrap);
