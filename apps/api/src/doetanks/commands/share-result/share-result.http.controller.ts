import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ShareResultRequestDto } from './share-result.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { newIdFor } from '../../../commands/deterministic-id';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { ShareResultCommand } from './share-result.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class ShareResultHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/results')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'sharedBy', { note: 'and a member of it' })
  @ApiCommand({
    command: 'ShareResult',
    summary: 'A Doetank shares a result: a business case, film, report, tool or lesson',
    description:
      'Shared by one of its members or its coach while the Doetank is at work. ' +
      'The result id is chosen by the client or made by the server.',
    creates: true,
  })
  shareResult(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: ShareResultRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const resultId = newIdFor(body.resultId, request.idempotencyKey, 'result');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new ShareResultCommand(doetankId, resultId, body, meta));
  }
}
