import { Command } from '@nestjs/cqrs';
import type { CancelGatheringRequestDto } from './cancel-gathering.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class CancelGatheringCommand extends Command<CommandResult> {
  constructor(
    readonly gatheringId: string,
    readonly input: CancelGatheringRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
