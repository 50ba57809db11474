import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ForgetMemberRequestDto } from './forget-member.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CommandEndpoint } from '../../../commands/command-endpoint';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { ForgetMemberCommand } from './forget-member.command';
import { CommandRoute } from '../../../routes/command-route.decorator';

@ApiTags('Members')
@Controller('members')
export class ForgetMemberHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'ForgetMember',
    summary: 'The network forgets a member: personal data is erased, the history stays',
  })
  @CommandRoute('POST :memberId/forget', { allow: ['coordinator'] })
  forget(
    @UuidParam('memberId') memberId: string,
    @Body() body: ForgetMemberRequestDto,
    @Meta() request: RequestMeta,
  ) {
    // Forgetting is done by the network: a coordinator, who is the actor in the event's metadata.
    return this.commands.execute(new ForgetMemberCommand(memberId, body, this.commands.meta(request, body)));
  }
}
