import { Command } from '@nestjs/cqrs';
import type { CorrectBusinessTimeRequestDto } from './correct-business-time.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class CorrectBusinessTimeCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: CorrectBusinessTimeRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
