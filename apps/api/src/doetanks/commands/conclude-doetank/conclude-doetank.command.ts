import { Command } from '@nestjs/cqrs';
import type { ConcludeDoetankRequestDto } from './conclude-doetank.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class ConcludeDoetankCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: ConcludeDoetankRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
