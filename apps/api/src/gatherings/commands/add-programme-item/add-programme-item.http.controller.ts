import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AddProgrammeItemRequestDto } from './add-programme-item.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { newIdFor } from '../../../commands/deterministic-id';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { AddProgrammeItemCommand } from './add-programme-item.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class AddProgrammeItemHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':gatheringId/programme')
  @Allow('coordinator')
  @ApiCommand({
    command: 'AddProgrammeItem',
    summary: "An item is added to a gathering's programme, possibly spotlighting a Doetank",
    description:
      'A spotlighted Doetank must exist. The item id is chosen by the client or made by the server.',
    creates: true,
  })
  addProgrammeItem(
    @Param('gatheringId', uuidParam('gatheringId')) gatheringId: string,
    @Body() body: AddProgrammeItemRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const itemId = newIdFor(body.itemId, request.idempotencyKey, 'programme-item');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new AddProgrammeItemCommand(gatheringId, itemId, body, meta));
  }
}
