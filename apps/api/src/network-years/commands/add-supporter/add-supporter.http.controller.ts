import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AddSupporterRequestDto } from './add-supporter.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { newIdFor } from '../../../commands/deterministic-id';
import { YearParamPipe } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { AddSupporterCommand } from './add-supporter.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Network years')
@Controller('network-years')
export class AddSupporterHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':year/supporters')
  @Allow('coordinator')
  @ApiCommand({
    command: 'AddSupporter',
    summary: 'Someone joins the committee of supporters ("comité van aanbeveling") for a year',
    description: 'The supporter id is chosen by the client or made by the server.',
    creates: true,
  })
  addSupporter(
    @Param('year', YearParamPipe) year: number,
    @Body() body: AddSupporterRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const supporterId = newIdFor(body.supporterId, request.idempotencyKey, 'supporter');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new AddSupporterCommand(year, supporterId, body, meta));
  }
}
