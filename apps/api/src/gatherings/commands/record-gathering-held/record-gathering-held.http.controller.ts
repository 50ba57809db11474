import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordGatheringHeldRequestDto } from './record-gathering-held.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';

@ApiTags('Gatherings')
@Controller('gatherings')
export class RecordGatheringHeldHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'RecordGatheringHeld',
    note: 'attendance',
    summary: 'A gathering took place: who attended is recorded',
    description:
      "The moment it was held is the business time (`occurredAt`), on or after the gathering's start. " +
      'Every attendee must be a known member who joined the network by then (409 BUSINESS_TIME.BEFORE_DEPENDENCY ' +
      'names the first who had not, with both times); they need not have registered.',
  })
  @CommandRoute('POST :gatheringId/held', { allow: ['coordinator'] })
  recordHeld(
    @UuidParam('gatheringId') gatheringId: string,
    @Body() body: RecordGatheringHeldRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onGathering(gatheringId), async ({ facts, meta }) => ({
      type: 'RecordGatheringHeld' as const,
      // Held when it happened: the command's business time, already normalised to UTC.
      data: { gatheringId, attendees: body.attendees, heldOn: meta.occurredAt },
      context: { attendees: await facts.members(body.attendees) },
    }));
  }
}
