import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SharpenProblemStatementRequestDto } from './sharpen-problem-statement.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';

@ApiTags('Doetanks')
@Controller('doetanks')
export class SharpenProblemStatementHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'SharpenProblemStatement',
    summary: 'A Doetank rewrites its problem statement as it learns',
    description:
      'Done by a member or the coach of the Doetank while it is open. ' +
      'The previous statement stays in the history.',
  })
  @CommandRoute('POST :doetankId/problem-statement', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'body', field: 'sharpenedBy' },
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
