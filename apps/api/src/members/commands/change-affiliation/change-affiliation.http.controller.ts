import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeAffiliationRequestDto } from './change-affiliation.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onMember } from '../../../commands/command-endpoint';

@ApiTags('Members')
@Controller('members')
export class ChangeAffiliationHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'ChangeAffiliation',
    summary: 'A member moves to another organisation, sector or role',
  })
  @CommandRoute('POST :memberId/affiliation', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'path', field: 'memberId' },
  })
  changeAffiliation(
    @UuidParam('memberId') memberId: string,
    @Body() body: ChangeAffiliationRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onMember(memberId), () => ({
      type: 'ChangeAffiliation' as const,
      data: { memberId, organisation: body.organisation, sector: body.sector, role: body.role },
    }));
  }
}
