import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CancelRegistrationRequestDto } from './cancel-registration.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { CancelRegistrationCommand } from './cancel-registration.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class CancelRegistrationHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':gatheringId/registrations/:memberId/cancel')
  @Allow('coordinator', 'member')
  @MemberActsAs('path', 'memberId')
  @ApiCommand({
    command: 'CancelRegistration',
    summary: 'A member cancels their registration for a gathering',
  })
  cancelRegistration(
    @Param('gatheringId', uuidParam('gatheringId')) gatheringId: string,
    @Param('memberId', uuidParam('memberId')) memberId: string,
    @Body() body: CancelRegistrationRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new CancelRegistrationCommand(gatheringId, memberId, body, meta));
  }
}
