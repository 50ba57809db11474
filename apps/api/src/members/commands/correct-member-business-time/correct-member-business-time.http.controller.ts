import { needsActsElsewhere } from '@app/domain';
import { CorrectMemberBusinessTimeRequestDto } from './correct-member-business-time.request.dto';
import { onMember } from '../../../commands/command-endpoint';
import { correctionController } from '../../../routes/correction-controller';

export const CorrectMemberBusinessTimeHttpController = correctionController(onMember)({
  command: 'CorrectMemberBusinessTime',
  of: 'a member',
  rules:
    "a joining not after the member's first act in another stream (proposing, coaching, joining a Doetank, " +
    'sharing, registering, attending, ...) and a leaving not before their last (409, naming the act and its ' +
    'time); an erasure or a revocation of tokens is not corrected (409 BUSINESS_TIME.NOT_CORRECTABLE).',
  route: 'POST /members/:memberId/business-time-corrections',
  body: CorrectMemberBusinessTimeRequestDto,
  id: ({ memberId }) => memberId,
  build: async (fields, { id, clock, facts, streamId }) => ({
    type: 'CorrectMemberBusinessTime',
    data: { memberId: id, ...fields },
    context: {
      clock,
      history: await facts.recordedEvents(streamId),
      // Read from the whole log, so only when the rule needs them.
      ...(needsActsElsewhere(clock, fields.revision, fields.correctedTo) && {
        actsElsewhere: await facts.memberActsElsewhere(id),
      }),
    },
  }),
});
