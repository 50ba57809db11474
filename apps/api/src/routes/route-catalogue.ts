import 'reflect-metadata';
import { HttpStatus, RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ACCESS_KEY, MEMBER_RULE_KEY, type AccessPolicy, type MemberRule } from '../auth/access.decorators';
import { COMMAND_KEY, SHOWS_KEY, type CommandOfRoute } from './route.decorators';

/**
 * One route of the API as its controller declares it: Nest's route metadata (`@Post(':doetankId/coach')` on a
 * controller `@Controller('doetanks')`, `@HttpCode`) and ours (the access decorators, the command that
 * `ApiCommand` names, `@Shows`). The import table, the access matrix and its documentation, and the tests' request
 * examples are all read from these entries, so a route is declared once, beside its handler.
 */
export interface RouteEntry {
  method: keyof typeof RequestMethod;
  /** With `:name` parameters and a leading slash, as Nest registers it: `/doetanks/:doetankId/coach`. */
  path: string;
  /** The status of a successful answer. */
  status: number;
  access?: AccessPolicy;
  memberRule?: MemberRule;
  command?: CommandOfRoute;
  shows?: string;
  /** The class of the whole request body (`@Body() body: ProposeDoetankRequestDto`), which validation applies. */
  body?: Type<unknown>;
  /** `Controller.method`, for messages. */
  source: string;
}

type ModuleImport =
  Type<unknown> | DynamicModule | { forwardRef: () => ModuleImport } | Promise<DynamicModule>;

const reflector = new Reflector();

/**
 * The routes of every controller in `modules` and the modules they import, read from the classes' metadata: no
 * application is created, so a unit test or a CLI can ask without stores. Promise-returning (async) dynamic modules
 * cannot be read this way and are skipped; none of them has controllers.
 */
export function routesOf(modules: readonly ModuleImport[]): RouteEntry[] {
  return controllersOf(modules).flatMap(routesOfController);
}

export function controllersOf(modules: readonly ModuleImport[]): Type<unknown>[] {
  const seenModules = new Set<unknown>();
  const controllers = new Set<Type<unknown>>();
  const visit = (entry: ModuleImport | undefined): void => {
    if (!entry || entry instanceof Promise) return;
    if ('forwardRef' in entry) return visit(entry.forwardRef());
    const dynamic = 'module' in entry ? entry : undefined;
    const type = dynamic ? dynamic.module : (entry as Type<unknown>);
    if (seenModules.has(entry)) return;
    seenModules.add(entry);
    const own = (key: string) => (Reflect.getMetadata(key, type) as unknown[] | undefined) ?? [];
    for (const controller of [...own(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])]) {
      controllers.add(controller as Type<unknown>);
    }
    for (const imported of [...own(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])]) {
      visit(imported as ModuleImport);
    }
  };
  modules.forEach(visit);
  return [...controllers];
}

/** Nest's spelling of a path: one leading slash, none at the end, no doubled slashes. */
const normalisePath = (path: string): string => `/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

const asList = (value: unknown): string[] =>
  value === undefined ? [''] : Array.isArray(value) ? value.map(String) : [String(value)];

export function routesOfController(controller: Type<unknown>): RouteEntry[] {
  const bases = asList(Reflect.getMetadata(PATH_METADATA, controller));
  const routes: RouteEntry[] = [];
  const seen = new Set<string>();
  // Nest finds handlers along the prototype chain (a controller may inherit some), nearest first.
  for (let proto = controller.prototype as object | null; proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name];
      if (name === 'constructor' || seen.has(name) || typeof handler !== 'function') continue;
      seen.add(name);
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] as
        RouteEntry['method'] | undefined;
      if (method === undefined) continue;
      const targets = [handler, controller];
      const entry = {
        method,
        status:
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
          (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK),
        access: reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_KEY, targets),
        memberRule: reflector.getAllAndOverride<MemberRule | undefined>(MEMBER_RULE_KEY, targets),
        command: reflector.getAllAndOverride<CommandOfRoute | undefined>(COMMAND_KEY, targets),
        shows: reflector.getAllAndOverride<string | undefined>(SHOWS_KEY, targets),
        body: bodyTypeOf(controller, name),
        source: `${controller.name}.${name}`,
      };
      for (const base of bases) {
        for (const path of asList(paths)) routes.push({ ...entry, path: normalisePath(`${base}/${path}`) });
      }
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return routes;
}

/** The declared type of the handler's `@Body()` parameter (the whole body, not one property of it). */
function bodyTypeOf(controller: Type<unknown>, method: string): Type<unknown> | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const body = Object.entries(args).find(
    ([key, arg]) => key.startsWith(`${RouteParamtypes.BODY}:`) && arg.data === undefined,
  );
  if (!body) return undefined;
  const types = Reflect.getMetadata('design:paramtypes', controller.prototype as object, method) as
    Type<unknown>[] | undefined;
  return types?.[body[1].index];
}

/** `GET /doetanks/:doetankId`: how tests and messages name a route. */
export const routeKey = (route: Pick<RouteEntry, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;

/** The `:name` parameters of a path template, in order: `['doetankId', 'memberId']`. */
export const pathParameters = (template: string): string[] =>
  [...template.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);
