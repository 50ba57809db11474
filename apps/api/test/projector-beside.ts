import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadProjectorConfig } from '../../projector/src/config/projector.config';
import { ProjectorAppModule } from '../../projector/src/projector-app.module';
import type { ApiHarness } from './api-harness';

/** A projector of its own beside `api` (started with `EMBEDDED_PROJECTOR: 'false'`), on the api's SQLite file. */
export async function projectorBeside(api: ApiHarness): Promise<INestApplicationContext> {
  const projector = await NestFactory.createApplicationContext(
    ProjectorAppModule.forRoot(
      loadProjectorConfig({
        SQLITE_FILE: api.config.stores.sqliteFile,
        LOG_LEVEL: 'silent',
        PROJECTOR_PORT: '0',
      }),
    ),
    { logger: false },
  );
  await projector.init();
  return projector;
}
