import type { DynamicModule, Type } from '@nestjs/common';
import { AppModule } from '../../../apps/api/src/app.module';

/**
 * Adds the benchmark's baseline modules to the real app, in this process only: `createApiApp` builds
 * `AppModule.forRoot(...)`, and the modules added here are imported beside the api's own. Their routes therefore
 * sit behind exactly the app's global guards (authentication, rate limit), the global validation pipe, the
 * idempotency interceptor and the problem-details filter, which Nest applies to every controller of the app
 * (APP_GUARD, APP_INTERCEPTOR, APP_FILTER providers and `useGlobalPipes` are application-wide). Call it before
 * `createApiApp`; it leaves the app's code as it is.
 */
export function addBenchModules(modules: readonly (Type | DynamicModule)[]): void {
  if (modules.length === 0) return;
  const forRoot = AppModule.forRoot.bind(AppModule);
  AppModule.forRoot = (options) => {
    const root = forRoot(options);
    return { ...root, imports: [...(root.imports ?? []), ...modules] };
  };
}
