import { Command } from '@nestjs/cqrs';
import type { RecordGatheringHeldRequestDto } from './record-gathering-held.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class RecordGatheringHeldCommand extends Command<CommandResult> {
  constructor(
    readonly gatheringId: string,
    readonly input: RecordGatheringHeldRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
