import { Body, Controller, Param, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../commands/api-command.decorator';
import type { CommandEndpoint } from '../commands/command-endpoint';
import type { CommandMeta } from '../commands/command-meta';
import { UuidParam, YearParamPipe } from '../commands/params';
import { Meta, type RequestMeta } from '../commands/request-meta';
import { DescribeProgrammeHttpController } from '../network-years/commands/describe-programme/describe-programme.http.controller';
import { DescribeProgrammeRequestDto } from '../network-years/commands/describe-programme/describe-programme.request.dto';
import { CommandRoute } from './command-route.decorator';
import { routesOfController } from './route-catalogue';

// A declared command route of the API, with two path parameters of both kinds.
const DECLARED = DescribeProgrammeHttpController;

/** What the declaration stands for, written by hand as command controllers were. */
@ApiTags('Network years')
@Controller('network-years')
class HandWrittenController {
  @ApiCommand({ command: 'DescribeProgramme', summary: 'its summary', description: 'its description' })
  @CommandRoute('PUT :year/programmes/:programmeId', { allow: ['coordinator'] })
  describeProgramme(
    @Param('year', YearParamPipe) _year: number,
    @UuidParam('programmeId') _programmeId: string,
    @Body() _body: DescribeProgrammeRequestDto,
    @Meta() _request: RequestMeta,
  ) {}
}

// @nestjs/swagger's metadata keys (its `DECORATORS` constants, which the package does not export).
const SWAGGER = (name: string) => `swagger/${name}`;

/** The metadata Nest, @nestjs/swagger and the route catalogue read of a controller's one handler. */
const metadataOf = (controller: Type<unknown>) => {
  const handler = (controller.prototype as Record<string, (...args: unknown[]) => unknown>).describeProgramme;
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, 'describeProgramme') as Record<
    string,
    { index: number; data: unknown; pipes: unknown[] }
  >;
  return {
    handlerName: handler.name,
    routes: routesOfController(controller).map(({ source: _source, ...route }) => route),
    tags: Reflect.getMetadata(SWAGGER('apiUseTags'), controller) as unknown,
    // The keys name the kind of each parameter (path, body, custom) and its index; pipes by their class.
    args: Object.entries(args).map(([key, arg]) => [
      key.replace(/__customRouteArgs__.*?:/, 'custom:'),
      arg.index,
      arg.data,
      arg.pipes.map((pipe) => (typeof pipe === 'function' ? pipe.name : typeof pipe)),
    ]),
    paramTypes: Reflect.getMetadata('design:paramtypes', controller.prototype as object, 'describeProgramme'),
    // Its summary and description are the declaration's own text.
    operation: Object.keys(Reflect.getMetadata(SWAGGER('apiOperation'), handler) as object),
    responses: Reflect.getMetadata(SWAGGER('apiResponse'), handler) as unknown,
    headers: Reflect.getMetadata(SWAGGER('apiHeaders'), handler) as unknown,
  };
};

describe('commandController', () => {
  it('makes the controller a hand-written one would be: routing, access, OpenAPI and parameters alike', () => {
    expect(DECLARED.name).toBe('DescribeProgrammeHttpController');
    const declared = metadataOf(DECLARED);
    expect(declared).toEqual(metadataOf(HandWrittenController));
    // Not equal by being empty alike: the one route, its four parameters and its OpenAPI answers are there.
    expect(declared.routes).toMatchObject([
      { method: 'PUT', path: '/network-years/:year/programmes/:programmeId' },
    ]);
    expect(declared.args).toHaveLength(4);
    expect(Object.keys(declared.responses as object)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '422']),
    );
  });

  it('hands send the checked path parameters, the body and the metadata, and dispatches what it returns', async () => {
    const meta = { actorId: 'coordinator' } as CommandMeta;
    const dispatched: unknown[] = [];
    const endpoint = {
      meta: () => meta,
      dispatch: (given: CommandMeta, sent: unknown) => {
        dispatched.push([given, sent]);
        return Promise.resolve({ revision: 0 });
      },
    } as unknown as CommandEndpoint;
    const controller = new (
      DECLARED as new (...args: unknown[]) => Record<string, (...a: unknown[]) => unknown>
    )(endpoint, undefined);
    const body = { name: 'Slimmer werken', funder: { organisation: 'Ministerie' } };
    const id = '6a8c0e2f-4b6d-4f8a-9c1e-3b5d7f9a1c24';

    await expect(controller.describeProgramme(2013, id, body, {} as RequestMeta)).resolves.toEqual({
      revision: 0,
    });
    expect(dispatched).toEqual([
      [meta, expect.objectContaining({ streamId: 'network-2013', aggregateId: '2013' })],
    ]);
  });
});
