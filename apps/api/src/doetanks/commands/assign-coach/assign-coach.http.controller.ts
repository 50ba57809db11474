import { AssignCoachRequestDto } from './assign-coach.request.dto';
import { onDoetank } from '../../../commands/command-endpoint';
import { actorOf } from '../../../commands/command-meta';
import { commandController } from '../../../routes/command-controller';

export const AssignCoachHttpController = commandController({
  command: 'AssignCoach',
  summary: 'A coach is assigned to a Doetank',
  description:
    'The coach must be an active member. A Doetank has one coach at a time; ' +
    'assigning another replaces the current one if the rules allow it.',
  route: 'POST /doetanks/:doetankId/coach',
  access: { allow: ['coordinator', 'member'], lead: 'doetankId' },
  body: AssignCoachRequestDto,
  send: ({ doetankId }, body) =>
    onDoetank(doetankId, async ({ facts, meta }) => ({
      type: 'AssignCoach',
      data: {
        doetankId,
        coachId: body.coachId,
        ...(body.reason !== undefined && { reason: body.reason }),
      },
      actor: actorOf(meta),
      context: { coach: await facts.member(body.coachId) },
    })),
});
