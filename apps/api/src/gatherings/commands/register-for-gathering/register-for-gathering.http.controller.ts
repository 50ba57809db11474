import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RegisterForGatheringRequestDto } from './register-for-gathering.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { RegisterForGatheringCommand } from './register-for-gathering.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class RegisterForGatheringHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':gatheringId/registrations')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId')
  @ApiCommand({
    command: 'RegisterForGathering',
    summary: 'A member registers for a gathering',
    description: 'Only active members, while places are left and before the gathering was held or cancelled.',
  })
  register(
    @Param('gatheringId', uuidParam('gatheringId')) gatheringId: string,
    @Body() body: RegisterForGatheringRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new RegisterForGatheringCommand(gatheringId, body, meta));
  }
}
