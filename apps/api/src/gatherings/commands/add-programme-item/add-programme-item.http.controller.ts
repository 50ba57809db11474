import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AddProgrammeItemRequestDto } from './add-programme-item.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { newIdFor } from '../../../commands/deterministic-id';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onGathering } from '../../../commands/command-endpoint';

@ApiTags('Gatherings')
@Controller('gatherings')
export class AddProgrammeItemHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'AddProgrammeItem',
    summary: "An item is added to a gathering's programme, possibly spotlighting a Doetank",
    description:
      'A spotlighted Doetank must exist. The item id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST :gatheringId/programme', { allow: ['coordinator'] })
  addProgrammeItem(
    @UuidParam('gatheringId') gatheringId: string,
    @Body() body: AddProgrammeItemRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const itemId = newIdFor(body.itemId, request.idempotencyKey, 'programme-item');
    const { doetankId } = body;
    return this.commands.send(request, body, onGathering(gatheringId), async ({ facts }) => ({
      type: 'AddProgrammeItem' as const,
      data: { gatheringId, itemId, title: body.title, speaker: body.speaker, doetankId },
      context: {
        doetankExists: doetankId !== undefined ? await facts.doetankExists(doetankId) : undefined,
      },
    }));
  }
}
