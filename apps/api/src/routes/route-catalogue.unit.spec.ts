import { Controller, Get, HttpCode, Module, Post, Put } from '@nestjs/common';
import { Allow, MemberActsAs, OpenAccess, PublicRead } from '../auth/access.decorators';
import { ApiCommand } from '../commands/api-command.decorator';
import { Shows } from './route.decorators';
import { controllersOf, pathParameters, routeKey, routesOf } from './route-catalogue';

@OpenAccess()
@Controller('things/')
class ThingsController {
  @Get()
  @Shows('things')
  list() {}

  @Get(':thingId')
  @PublicRead()
  @Shows('a thing')
  one() {}
}

class BaseController {
  @Post(':thingId/archive')
  @Allow('coordinator')
  @ApiCommand({ command: 'StopDoetank', summary: 'inherited' })
  archive() {}
}

@Controller('/nested//things')
class NestedController extends BaseController {
  @Put(['a', 'b'])
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId', { note: 'and more' })
  @HttpCode(204)
  both() {}

  helper() {}
}

@Controller()
class RootController {
  @Get()
  root() {}
}

@Module({ controllers: [NestedController] })
class InnerModule {}

@Module({ imports: [InnerModule], controllers: [ThingsController] })
class OuterModule {}

describe('The route catalogue', () => {
  it('finds the controllers of modules, their imports and dynamic modules, each once', () => {
    expect(controllersOf([OuterModule, { module: InnerModule, controllers: [RootController] }])).toEqual([
      ThingsController,
      NestedController,
      RootController,
    ]);
    expect(controllersOf([{ forwardRef: () => InnerModule }, InnerModule])).toEqual([NestedController]);
  });

  it('joins the paths as Nest does and reads every declaration of a route', () => {
    const routes = routesOf([OuterModule, { module: InnerModule, controllers: [RootController] }]);
    expect(routes.map(routeKey).sort()).toEqual([
      'GET /',
      'GET /things',
      'GET /things/:thingId',
      'POST /nested/things/:thingId/archive',
      'PUT /nested/things/a',
      'PUT /nested/things/b',
    ]);
    const byKey = new Map(routes.map((route) => [routeKey(route), route]));
    expect(byKey.get('GET /things')).toMatchObject({ status: 200, access: { open: true }, shows: 'things' });
    expect(byKey.get('GET /things/:thingId')).toMatchObject({
      access: { publicRead: true },
      shows: 'a thing',
    });
    expect(byKey.get('POST /nested/things/:thingId/archive')).toMatchObject({
      status: 200,
      access: { roles: ['coordinator'] },
      command: { name: 'StopDoetank' },
      source: 'NestedController.archive',
    });
    expect(byKey.get('PUT /nested/things/a')).toMatchObject({
      status: 204,
      memberRule: { kind: 'self', from: 'body', field: 'memberId', note: 'and more' },
    });
    // Without declarations: for the access matrix to refuse.
    expect(byKey.get('GET /')).toMatchObject({ access: undefined, shows: undefined, command: undefined });
  });

  it('lists the parameters of a path in order', () => {
    expect(pathParameters('/doetanks/:doetankId/members/:memberId/leave')).toEqual(['doetankId', 'memberId']);
  });
});
