import { commandRoutes } from '../routes/api-routes';
import { markdownTable } from '../routes/markdown-table';
import { pathParameters } from '../routes/route-catalogue';
import type { CommandName } from '../routes/route.decorators';

/** A command an import line may name: any command the API has a route for. */
export type ImportCommand = CommandName;

export interface ImportRoute {
  method: 'POST' | 'PUT';
  /** Path template with `:name` parameters: `/doetanks/:doetankId/results`. */
  path: string;
}

let routes: ReadonlyMap<string, ImportRoute> | undefined;

/**
 * Which endpoint each command of an import line goes to: the route whose controller sends that command
 * (`@ApiCommand({ command })`), read from the controllers' metadata, so an import goes where a client's request
 * goes and a new command can be imported as soon as its controller exists.
 */
export function importRoutes(): ReadonlyMap<string, ImportRoute> {
  if (!routes) {
    const table = new Map<string, ImportRoute>();
    for (const [name, route] of commandRoutes()) {
      if (route.method !== 'POST' && route.method !== 'PUT') {
        throw new Error(
          `${route.source}: command ${name} is sent with ${route.method}; imports send POST or PUT`,
        );
      }
      table.set(name, { method: route.method, path: route.path });
    }
    routes = table;
  }
  return routes;
}

export const isImportCommand = (name: string): name is ImportCommand => importRoutes().has(name);

/**
 * Fills a path template. Every parameter must be given and no other: a line that names a parameter the route does
 * not have is more likely a mistake (a wrong command) than something to ignore.
 */
export function resolvePath(
  template: string,
  params: Readonly<Record<string, string>>,
): { ok: true; path: string } | { ok: false; reason: string } {
  const wanted = pathParameters(template);
  const missing = wanted.filter((name) => params[name] === undefined);
  if (missing.length > 0) {
    return { ok: false, reason: `params lacks ${missing.join(', ')} (the route is ${template})` };
  }
  const extra = Object.keys(params).filter((name) => !wanted.includes(name));
  if (extra.length > 0) {
    return { ok: false, reason: `params has ${extra.join(', ')}, which the route ${template} does not take` };
  }
  return {
    ok: true,
    path: template.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(params[name])),
  };
}

/** The table of docs/import.md: every command and its route, by path. */
export function importRoutesMarkdown(): string {
  const rows = [...importRoutes()].sort(([, a], [, b]) => (a.path === b.path ? 0 : a.path < b.path ? -1 : 1));
  return markdownTable(
    ['command', 'route'],
    rows.map(([name, route]) => [`\`${name}\``, `\`${route.method} ${route.path}\``]),
  );
}
