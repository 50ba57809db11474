import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { JoinNetworkRequestDto } from './join-network.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { newIdFor } from '../../../commands/deterministic-id';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { JoinNetworkCommand } from './join-network.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Members')
@Controller('members')
export class JoinNetworkHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'memberId', { required: true, note: 'required for a member: self-registration' })
  @ApiCommand({
    command: 'JoinNetwork',
    summary: 'A professional joins the network',
    description:
      'One membership per e-mail address. The member id is chosen by the client or made by the server.',
    creates: true,
  })
  join(@Body() body: JoinNetworkRequestDto, @Meta() request: RequestMeta) {
    const memberId = newIdFor(body.memberId, request.idempotencyKey, 'member');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new JoinNetworkCommand(memberId, body, meta));
  }
}
