import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ShareResultRequestDto } from './share-result.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { newIdFor } from '../../../commands/deterministic-id';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';

@ApiTags('Doetanks')
@Controller('doetanks')
export class ShareResultHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'ShareResult',
    summary: 'A Doetank shares a result: a business case, film, report, tool or lesson',
    description:
      'Shared by one of its members or its coach while the Doetank is at work. ' +
      'The result id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST :doetankId/results', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'body', field: 'sharedBy', note: 'and a member of it' },
  })
  shareResult(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: ShareResultRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const resultId = newIdFor(body.resultId, request.idempotencyKey, 'result');
    return this.commands.send(request, body, onDoetank(doetankId), async ({ facts }) => ({
      type: 'ShareResult' as const,
      data: {
        doetankId,
        resultId,
        kind: body.kind,
        title: body.title,
        link: body.link,
        sharedBy: body.sharedBy,
      },
      context: { actor: await facts.member(body.sharedBy) },
    }));
  }
}
