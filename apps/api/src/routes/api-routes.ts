import { API_MODULES } from '../app.module';
import type { CommandName } from './route.decorators';
import { routesOf, type RouteEntry } from './route-catalogue';
import { OPENAPI_ROUTES, WEB_ASSET_ROUTES } from './openapi-routes';

let routes: readonly RouteEntry[] | undefined;

/**
 * Every route the API serves, from its controllers' declarations (and the routes of the OpenAPI document and the
 * web page's files, which plugins serve), read
 * once. Loading this loads every controller of the API, not the app: nothing is started.
 */
export function apiRoutes(): readonly RouteEntry[] {
  routes ??= [...routesOf(API_MODULES), ...OPENAPI_ROUTES, ...WEB_ASSET_ROUTES];
  return routes;
}

export type CommandRoute = RouteEntry & { command: NonNullable<RouteEntry['command']> };

/** The routes that send a command, by the command's name. */
export function commandRoutes(): ReadonlyMap<CommandName, CommandRoute> {
  const byName = new Map<CommandName, CommandRoute>();
  for (const route of apiRoutes()) {
    if (!route.command) continue;
    const other = byName.get(route.command.name);
    if (other) {
      throw new Error(`Command ${route.command.name} has two routes: ${other.source} and ${route.source}`);
    }
    byName.set(route.command.name, route as CommandRoute);
  }
  return byName;
}
