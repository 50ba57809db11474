import type { INestApplicationContext } from '@nestjs/common';
import { ProjectorService } from './projector.service';

/**
 * After an app that holds the projector (the api, the projector app) started listening: stores that are not
 * reachable yet are waited for (readiness says why meanwhile), but an error that waiting will not cure (a wrong
 * setting) stops the process, as it would have at start-up.
 */
export function exitWhenStoresCannotOpen(
  app: INestApplicationContext,
  logError: (message: string) => void,
): void {
  app
    .get(ProjectorService)
    .whenPrepared()
    .catch(async (error: unknown) => {
      logError(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
      await app.close().catch(() => undefined);
      process.exit(1);
    });
}

/** Runs a process's start-up; a failure is printed and ends the process with exit code 1. */
export function runProcess(start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
