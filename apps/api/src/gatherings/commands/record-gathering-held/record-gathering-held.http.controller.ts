import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RecordGatheringHeldRequestDto } from './record-gathering-held.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { RecordGatheringHeldCommand } from './record-gathering-held.command';
import { Allow } from '../../../auth/access.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class RecordGatheringHeldHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':gatheringId/held')
  @Allow('coordinator')
  @ApiCommand({
    command: 'RecordGatheringHeld',
    note: 'attendance',
    summary: 'A gathering took place: who attended is recorded',
    description:
      "The moment it was held is the business time (`occurredAt`), on or after the gathering's start. " +
      'Every attendee must be a known member; they need not have registered.',
  })
  recordHeld(
    @Param('gatheringId', uuidParam('gatheringId')) gatheringId: string,
    @Body() body: RecordGatheringHeldRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new RecordGatheringHeldCommand(gatheringId, body, meta));
  }
}
