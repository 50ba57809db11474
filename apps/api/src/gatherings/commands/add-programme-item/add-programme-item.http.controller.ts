import { AddProgrammeItemRequestDto } from './add-programme-item.request.dto';
import { newIdFor } from '../../../commands/deterministic-id';
import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const AddProgrammeItemHttpController = commandController({
  command: 'AddProgrammeItem',
  summary: "An item is added to a gathering's programme, possibly spotlighting a Doetank",
  description: 'A spotlighted Doetank must exist. The item id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /gatherings/:gatheringId/programme',
  access: { allow: ['coordinator'] },
  body: AddProgrammeItemRequestDto,
  send: ({ gatheringId }, body, { meta }) => {
    const itemId = newIdFor(body.itemId, meta.idempotencyKey, 'programme-item');
    const { doetankId } = body;
    return onGathering(gatheringId, async ({ facts }) => ({
      type: 'AddProgrammeItem',
      data: { gatheringId, itemId, title: body.title, speaker: body.speaker, doetankId },
      context: {
        doetankExists: doetankId !== undefined ? await facts.doetankExists(doetankId) : undefined,
      },
    }));
  },
});
