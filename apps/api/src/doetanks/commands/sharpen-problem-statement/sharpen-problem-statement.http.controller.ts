import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SharpenProblemStatementRequestDto } from './sharpen-problem-statement.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';

@ApiTags('Doetanks')
@Controller('doetanks')
export class SharpenProblemStatementHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @Post(':doetankId/problem-statement')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'sharpenedBy')
  @ApiCommand({
    command: 'SharpenProblemStatement',
    summary: 'A Doetank rewrites its problem statement as it learns',
    description:
      'Done by a member or the coach of the Doetank while it is open. ' +
      'The previous statement stays in the history.',
  })
  sharpen(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: SharpenProblemStatementRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), async ({ facts }) => ({
      type: 'SharpenProblemStatement' as const,
      data: { doetankId, problemStatement: body.problemStatement, sharpenedBy: body.sharpenedBy },
      context: { actor: await facts.member(body.sharpenedBy) },
    }));
  }
}
