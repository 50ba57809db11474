import type { Type } from '@nestjs/common';
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { commandRoutes } from '../routes/api-routes';
import { pathParameters, type RouteEntry } from '../routes/route-catalogue';
import type { CommandName } from '../routes/route.decorators';

/**
 * Each command's test data lives in its own folder, beside its DTO and handler (`propose-doetank.example.ts`): a
 * valid request, the fields of its DTO by kind, and how the access-matrix test prepares a request that succeeds.
 * The tests that go over every command (the DTO tests, malformed and hostile input, the access matrix) read them
 * all from here, with the method and path the command's controller declares. So a new command brings its example
 * in its own folder, and no test elsewhere has to learn about it.
 */

/** Ids used throughout the examples. Together the examples tell one story (Sanne proposes a Doetank in 2013, Pieter
 * coaches it, Fatima joins, the Grand Café spotlights it), but each stands alone as far as validation goes: a test
 * over HTTP still has to create what a request refers to. */
export const EXAMPLE_IDS = {
  sanne: 'b3e1c6a2-4f0d-4c8e-9a51-2d7f3e8c9a10',
  pieter: '5a9d2f14-7c3b-4e6a-8f21-0b4c6d8e1f23',
  fatima: 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02',
  doetank: '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35',
  result: '2d6f8a1c-5b3e-4c7d-9e0f-1a2b3c4d5e6f',
  lesson: '4f1e2d3c-6b5a-4978-8a6b-5c4d3e2f1a0b',
  gathering: '9c2e4a6b-1d3f-4a5c-8e7b-0f2d4c6a8e91',
  programmeItem: '6a8c0e2f-4b6d-4f8a-9c1e-3b5d7f9a1c24',
  supporter: '1b3d5f7a-9c2e-4a6b-8d0f-2e4a6c8e0b35',
  discussion: '7e9a1c3d-5f7b-4d9e-b1a3-c5e7f9a1b346',
} as const;

/** The kinds of DTO fields; each brings its own bad and edge values in the DTO tests. */
export type Field =
  | { kind: 'text'; max: number }
  | {
      kind:
        | 'id'
        | 'email'
        | 'url'
        | 'enum'
        | 'dateTime'
        | 'themeId'
        | 'capacity'
        | 'attendees'
        | 'themes'
        | 'revision'
        | 'reportLinks'
        | 'quotes'
        | 'credit'
        | 'credits'
        | 'texts'
        | 'consortium'
        | 'funder'
        | 'date'
        | 'count'
        | 'flag';
    };

export const text = (max: number): Field => ({ kind: 'text', max });
export const id: Field = { kind: 'id' };
export const email: Field = { kind: 'email' };
export const url: Field = { kind: 'url' };
export const oneOf: Field = { kind: 'enum' };
export const dateTime: Field = { kind: 'dateTime' };
export const themeId: Field = { kind: 'themeId' };
/** A stream revision: a whole number from 0. */
export const revision: Field = { kind: 'revision' };

/** The fields of a correction of business time and the ones required, on a Doetank's stream as on a gathering's. */
export const CORRECTION_FIELDS = {
  fields: { revision, correctedTo: dateTime, reason: text(1000) },
  required: ['revision', 'correctedTo', 'reason'],
} as const;

/** What the access-matrix test offers a command's `access` to set up its request. */
export interface AccessFixtures {
  /** A member who joined (with this id, or a new one); returns the id. */
  member(memberId?: string): Promise<string>;
  /** A Doetank proposed by `proposer`, with a coach or also started when asked; returns its id. */
  doetank(proposer: string, options?: { coach?: boolean; started?: boolean }): Promise<string>;
  /** A Café starting at `startsAt` (in the future by default); returns its id. */
  gathering(startsAt?: string): Promise<string>;
  /** Sends as the coordinator. */
  post(path: string, body: Record<string, unknown>): Promise<{ status: number; body: any }>;
}

export interface CommandExample<Body extends object = object> {
  /**
   * A value for every parameter of the path, when not the usual one: `EXAMPLE_PARAMS` by the parameter's name
   * (`doetankId` is `EXAMPLE_IDS.doetank`).
   */
  params?: Readonly<Record<string, string>>;
  /** A valid body. It carries a past `occurredAt`, as an import of history would; drop it to act "now". */
  body: Body;
  /** Every field the DTO accepts besides the shared `occurredAt`, by kind. */
  fields: Readonly<Record<string, Field>>;
  required: readonly string[];
  /**
   * For the access-matrix test: sets up what a request needs and returns it, with `self` as the member it is about
   * (or the Doetank's lead), so that it succeeds for every caller the matrix allows.
   */
  access(f: AccessFixtures, self: string): Promise<{ path: string; body: Record<string, unknown> }>;
}

/** The value of a path parameter in an example, by the parameter's name, unless the example gives its own. */
export const EXAMPLE_PARAMS: Readonly<Record<string, string>> = {
  doetankId: EXAMPLE_IDS.doetank,
  gatheringId: EXAMPLE_IDS.gathering,
  discussionId: EXAMPLE_IDS.discussion,
  memberId: EXAMPLE_IDS.sanne,
  year: '2013',
};

/**
 * Declares a command's example; `Body` is its request DTO, so the example is checked against it. The command is the
 * one the file is named after (`propose-doetank.example.ts`: `ProposeDoetank`).
 */
export const commandExample = <Body extends object>(example: CommandExample<Body>): CommandExample<Body> =>
  example;

/** An example with what its route declares. */
export interface RoutedExample extends CommandExample {
  command: CommandName;
  params: Readonly<Record<string, string>>;
  method: RouteEntry['method'];
  /** Path template with `:name` parameters, as in the controller: `/doetanks/:doetankId/results`. */
  path: string;
  /** The request DTO (the type of the route's `@Body()`). */
  dto: Type<unknown>;
}

const SOURCES = join(__dirname, '..');
let examples: ReadonlyMap<CommandName, RoutedExample> | undefined;

/**
 * Every command's example (the `*.example.ts` files of the command folders), with its route. Throws when a
 * command has no example, or an example names no command the API has: the suites that use them then fail.
 */
export function commandExamples(): ReadonlyMap<CommandName, RoutedExample> {
  if (examples) return examples;
  const routes = commandRoutes();
  const found = new Map<CommandName, RoutedExample>();
  const files = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|[/\\])commands[/\\][^/\\]+[/\\][^/\\]+\.example\.ts$/.test(file))
    .sort();
  for (const file of files) {
    // The tests load the examples by their file names, so that no list of them is kept by hand.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EXAMPLE } = require(join(SOURCES, file)) as { EXAMPLE?: CommandExample };
    if (!EXAMPLE) throw new Error(`${file} exports no EXAMPLE`);
    const command = commandOfFile(file);
    const route = routes.get(command);
    if (!route) throw new Error(`${file}: no route sends ${command}`);
    if (!route.body) throw new Error(`${route.source} takes no @Body()`);
    if (found.has(command)) throw new Error(`${command} has two examples (${file})`);
    const params = EXAMPLE.params ?? defaultParams(route.path, file);
    found.set(command, {
      ...EXAMPLE,
      command,
      params,
      method: route.method,
      path: route.path,
      dto: route.body,
    });
  }
  const missing = [...routes.keys()].filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `No example for ${missing.join(', ')}: add a <command>.example.ts beside the controller ` +
        `(under ${relative(process.cwd(), SOURCES)})`,
    );
  }
  examples = found;
  return examples;
}

/** `.../propose-doetank/propose-doetank.example.ts` names `ProposeDoetank`. */
const commandOfFile = (file: string): CommandName =>
  basename(file, '.example.ts')
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('') as CommandName;

const defaultParams = (path: string, file: string): Record<string, string> =>
  Object.fromEntries(
    pathParameters(path).map((name) => {
      const value = EXAMPLE_PARAMS[name];
      if (value === undefined) throw new Error(`${file}: no example value for :${name}; give params`);
      return [name, value];
    }),
  );

/** The example's path with its parameters filled in: `/doetanks/8e4b.../results`. */
export const examplePath = (
  example: Pick<RoutedExample, 'path' | 'params'>,
  params: Record<string, string> = example.params,
): string =>
  example.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${example.path}`);
    return encodeURIComponent(value);
  });
