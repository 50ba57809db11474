import { Body, Controller, Param, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Command } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Role } from '../auth/principal';
import { ApiCommand } from '../commands/api-command.decorator';
import { CommandEndpoint, type Decision } from '../commands/command-endpoint';
import type { CommandMeta, CommandResult } from '../commands/command-meta';
import { UuidParam, YearParamPipe } from '../commands/params';
import { Meta, type RequestMeta } from '../commands/request-meta';
import { CommandRoute, type ActsAs } from './command-route.decorator';
import { pathParameters } from './route-catalogue';
import type { CommandName } from './route.decorators';

/** The `:name` parameters of a path, as a union of their names: `'/doetanks/:doetankId/stop'` has `'doetankId'`. */
type ParamName<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamName<Rest>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** A command's path parameters, checked: `:year` is a network year (a number), every other one an entity id. */
export type PathParams<Path extends string> = {
  readonly [Name in ParamName<Path>]: Name extends 'year' ? number : string;
};

/** What a command route may read of its request besides the path and the body. */
export interface CommandRequest {
  /** Who, when (the body's `occurredAt`, or now) and why: from the verified token and the command headers. */
  readonly meta: CommandMeta;
  /** A provider of the app, for the rare command that needs more than its request (`get(MemberAccess)`). */
  get<T>(token: Type<T> | symbol): T;
}

/**
 * What a command route puts on the CommandBus: a decision on one stream (`onDoetank(doetankId, build)`: the
 * Doetank's decider decides the command `build` makes), or a command that spans streams, which has a handler of
 * its own (`new ProposeDoetankCommand(...)`).
 */
// Any aggregate's decision: its command and state types vary together, which `unknown` cannot say.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Sent = Decision<any, any> | Command<CommandResult>;

/**
 * Everything that is a command route's own, in one place: what it sends and how OpenAPI describes it, its method
 * and path, who may send it, its body, and how the request becomes the command.
 */
export interface CommandRouteDeclaration<Path extends string, RequestBody extends object> {
  /** The command, by the domain's name: the name import lines and the access matrix use. */
  command: CommandName;
  /** Qualifies the command in the access matrix. */
  note?: string;
  /** The OpenAPI tag it is listed under, when not its path's first segment's (`/network-years/...`: Network years). */
  tag?: string;
  summary: string;
  description?: string;
  /** It brings a new aggregate into being: 201 rather than 200. */
  creates?: boolean;
  /** `'POST /doetanks/:doetankId/stop'`: the method and the whole path; `:year` is a year, others entity ids. */
  route: `${'POST' | 'PUT'} ${Path}`;
  /** The roles that may send it, and how a member's request is tied to them (see `CommandRoute`). */
  access: { allow: Role[]; lead?: ParamName<Path>; actsAs?: ActsAs };
  /** The request DTO, which the global ValidationPipe checks before `handle` runs. */
  body: Type<RequestBody>;
  /** What the request sends: see {@link Sent}. */
  send(params: PathParams<Path>, body: RequestBody, request: CommandRequest): Sent;
  /** What this process does once the events are written (its caches); rarely needed. */
  afterwards?(params: PathParams<Path>, request: CommandRequest): void;
}

const tagOf = (path: string): string => {
  const area = path.split('/')[1];
  return area[0].toUpperCase() + area.slice(1).replaceAll('-', ' ');
};

const camelCase = (name: string): string => name[0].toLowerCase() + name.slice(1);

/**
 * The Nest controller of one command route, made from its declaration: class `<Command>HttpController` with one
 * handler, `<command>(...path parameters, @Body() body, @Meta() request)`, decorated as a hand-written controller
 * would be (`@ApiTags`, `@Controller`, `@ApiCommand`, `@CommandRoute`, `@UuidParam` or the year pipe, `@Body`,
 * `@Meta`), so that Nest's routing and validation, @nestjs/swagger, AuthGuard, the idempotency interceptor and
 * the route catalogue read the same metadata as before, in the same order. Register it in the area's module like
 * any controller.
 */
export function commandController<Path extends string, RequestBody extends object>(
  declaration: CommandRouteDeclaration<Path, RequestBody>,
): Type<unknown> {
  const [method, path] = declaration.route.split(' ') as ['POST' | 'PUT', string];
  const params = pathParameters(path);
  const handlerName = camelCase(declaration.command);

  class CommandController {
    constructor(
      readonly endpoint: CommandEndpoint,
      readonly modules: ModuleRef,
    ) {}
  }
  Object.defineProperty(CommandController, 'name', { value: `${declaration.command}HttpController` });

  async function handler(this: CommandController, ...args: unknown[]): Promise<CommandResult> {
    const values = Object.fromEntries(params.map((name, index) => [name, args[index]])) as PathParams<Path>;
    const body = args[params.length] as RequestBody & { occurredAt?: string };
    const request: CommandRequest = {
      meta: this.endpoint.meta(args[params.length + 1] as RequestMeta, body),
      get: (token) => this.modules.get(token, { strict: false }),
    };
    const result = await this.endpoint.dispatch(request.meta, declaration.send(values, body, request));
    declaration.afterwards?.(values, request);
    return result;
  }
  // Named like the method, as @nestjs/swagger finds a handler's parameters (and names the operation) by its name.
  Object.defineProperty(handler, 'name', { value: handlerName });
  Object.defineProperty(CommandController.prototype, handlerName, {
    value: handler,
    writable: true,
    configurable: true,
  });

  const parameter = (name: string) => (name === 'year' ? Param('year', YearParamPipe) : UuidParam(name));
  // As TypeScript applies `@ApiCommand() @CommandRoute() handler(@UuidParam() id, @Body() body, @Meta() request)`:
  // the design types first, then the parameters from the last, then the method's decorators from the bottom up.
  const descriptor = Reflect.decorate(
    [
      ApiCommand({
        command: declaration.command,
        summary: declaration.summary,
        ...(declaration.note !== undefined && { note: declaration.note }),
        ...(declaration.description !== undefined && { description: declaration.description }),
        ...(declaration.creates !== undefined && { creates: declaration.creates }),
      }),
      CommandRoute(`${method} ${path}`, declaration.access),
      ...[...params.map(parameter), Body(), Meta()].map(
        (decorate, index): MethodDecorator =>
          (target, key) =>
            decorate(target, key, index),
      ),
      Reflect.metadata('design:type', Function),
      Reflect.metadata('design:paramtypes', [
        ...params.map((name) => (name === 'year' ? Number : String)),
        declaration.body,
        Object,
      ]),
    ],
    CommandController.prototype,
    handlerName,
    Object.getOwnPropertyDescriptor(CommandController.prototype, handlerName),
  ) as PropertyDescriptor | undefined;
  if (descriptor) Object.defineProperty(CommandController.prototype, handlerName, descriptor);

  Reflect.decorate(
    [
      ApiTags(declaration.tag ?? tagOf(path)),
      Controller(),
      Reflect.metadata('design:paramtypes', [CommandEndpoint, ModuleRef]),
    ],
    CommandController,
  );
  return CommandController;
}
