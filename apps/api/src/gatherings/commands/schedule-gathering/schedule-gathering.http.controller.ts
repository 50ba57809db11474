import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ScheduleGatheringRequestDto } from './schedule-gathering.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { newIdFor } from '../../../commands/deterministic-id';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';

@ApiTags('Gatherings')
@Controller('gatherings')
export class ScheduleGatheringHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'ScheduleGathering',
    summary: 'A Café, the Grand Café or a Masterclass is scheduled',
    description: 'The gathering id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST', { allow: ['coordinator'] })
  schedule(@Body() body: ScheduleGatheringRequestDto, @Meta() request: RequestMeta) {
    const gatheringId = newIdFor(body.gatheringId, request.idempotencyKey, 'gathering');
    return this.commands.send(request, body, onGathering(gatheringId), () => ({
      type: 'ScheduleGathering' as const,
      data: {
        gatheringId,
        kind: body.kind,
        title: body.title,
        // The domain compares times as strings, so it only accepts the normalised UTC form.
        startsAt: new Date(body.startsAt).toISOString(),
        venue: body.venue,
        city: body.city,
        capacity: body.capacity,
      },
    }));
  }
}
