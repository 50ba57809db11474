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

/**
 * On SIGTERM and SIGINT, runs the app's shutdown hooks (the runners store their checkpoints, the stores close),
 * then ends the process with `process.exit(0)`. Nest's default re-raises the signal after the hooks instead
 * (@nestjs/core 12.5, nest-application-context.js, `listenToShutdownSignals`), which kills the process without an
 * 'exit' event: pino's asynchronous stdout stream (sonic-boom), flushed on 'exit' (pino 10, lib/tools.js,
 * `buildSafeSonicBoom`), then loses the last lines, those the hooks wrote about the stop among them.
 * `useProcessExit` is Nest's option for this (ShutdownHooksOptions); the exit code of a stop is 0, not 143.
 */
export function exitOnShutdownSignals(app: INestApplicationContext): void {
  app.enableShutdownHooks([], { useProcessExit: true });
}

/** Runs a process's start-up; a failure is printed and ends the process with exit code 1. */
export function runProcess(start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
