import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CancelRegistrationRequestDto } from './cancel-registration.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';

@ApiTags('Gatherings')
@Controller('gatherings')
export class CancelRegistrationHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'CancelRegistration',
    summary: 'A member cancels their registration for a gathering',
  })
  @CommandRoute('POST :gatheringId/registrations/:memberId/cancel', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'path', field: 'memberId' },
  })
  cancelRegistration(
    @UuidParam('gatheringId') gatheringId: string,
    @UuidParam('memberId') memberId: string,
    @Body() body: CancelRegistrationRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onGathering(gatheringId), () => ({
      type: 'CancelRegistration' as const,
      data: { gatheringId, memberId, ...(body.reason !== undefined && { reason: body.reason }) },
    }));
  }
}
