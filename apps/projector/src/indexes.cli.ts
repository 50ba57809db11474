import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ALL_PROJECTIONS } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { StoresModule } from '@app/stores';
import { loadProjectorConfig } from './config/projector.config';
import { parseIndexArguments, pruneProjectionIndexes } from './indexes/prune-indexes';

// The explicit index migration: `npm run projections:indexes -- [projection|all] [--drop-undeclared]`.
async function main(args: string[]): Promise<number> {
  const parsed = parseIndexArguments(args, ALL_PROJECTIONS);
  if ('exit' in parsed) {
    console.error(parsed.message);
    return parsed.exit;
  }
  const config = loadProjectorConfig(process.env);
  const context = await NestFactory.createApplicationContext(StoresModule.forRoot(config.stores), {
    logger: false,
  });
  try {
    const lines = await pruneProjectionIndexes(
      context.get<ReadStore>(READ_STORE),
      parsed.projections,
      parsed.drop,
    );
    for (const line of lines) console.log(line);
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
    new NestLogger('Indexes').error(error);
    process.exit(1);
  },
);
