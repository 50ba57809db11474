import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RegisterForGatheringRequestDto } from './register-for-gathering.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';

@ApiTags('Gatherings')
@Controller('gatherings')
export class RegisterForGatheringHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'RegisterForGathering',
    summary: 'A member registers for a gathering',
    description: 'Only active members, while places are left and before the gathering was held or cancelled.',
  })
  @CommandRoute('POST :gatheringId/registrations', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'body', field: 'memberId' },
  })
  register(
    @UuidParam('gatheringId') gatheringId: string,
    @Body() body: RegisterForGatheringRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onGathering(gatheringId), async ({ facts }) => ({
      type: 'RegisterForGathering' as const,
      data: { gatheringId, memberId: body.memberId },
      context: { member: await facts.member(body.memberId) },
    }));
  }
}
