import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { StoreWrappers } from '@app/stores';
import type { ProjectorConfig } from './config/projector.config';
import { ProjectorAppModule } from './projector-app.module';

/**
 * The projector app over HTTP (health), as main.ts runs it; tests start it the same way. Listening does not wait
 * for the stores: the projections start once the read store is reachable, and /health says why not until then.
 */
export async function createProjectorApp(
  config: ProjectorConfig,
  options: { wrapStores?: StoreWrappers } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ProjectorAppModule.forRoot(config, options),
    new FastifyAdapter(),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  return app;
}
