import { Command } from '@nestjs/cqrs';
import type { RegisterForGatheringRequestDto } from './register-for-gathering.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class RegisterForGatheringCommand extends Command<CommandResult> {
  constructor(
    readonly gatheringId: string,
    readonly input: RegisterForGatheringRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
