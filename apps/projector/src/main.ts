import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { loadProjectorConfig } from './config/projector.config';
import { ProjectorAppModule } from './projector-app.module';

/** The projector on its own (production): `npm run start:projector`. In embedded mode the api runs it in-process. */
async function bootstrap(): Promise<void> {
  const config = loadProjectorConfig(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    ProjectorAppModule.forRoot(config),
    new FastifyAdapter(),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: config.host });
  app.get(Logger).log(`Slimmernetwerk projector; health on http://${config.host}:${config.port}/health`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
