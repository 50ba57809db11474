import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AssignCoachRequestDto } from './assign-coach.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';

@ApiTags('Doetanks')
@Controller('doetanks')
export class AssignCoachHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'AssignCoach',
    summary: 'A coach is assigned to a Doetank',
    description:
      'The coach must be an active member. A Doetank has one coach at a time; ' +
      'assigning another replaces the current one if the rules allow it.',
  })
  @CommandRoute('POST :doetankId/coach', { allow: ['coordinator', 'member'], lead: 'doetankId' })
  assignCoach(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: AssignCoachRequestDto,
    @Meta() request: RequestMeta,
  ) {
    return this.commands.send(request, body, onDoetank(doetankId), async ({ facts, meta }) => ({
      type: 'AssignCoach' as const,
      data: {
        doetankId,
        coachId: body.coachId,
        ...(body.reason !== undefined && { reason: body.reason }),
      },
      actor: actorOf(meta),
      context: { coach: await facts.member(body.coachId) },
    }));
  }
}
