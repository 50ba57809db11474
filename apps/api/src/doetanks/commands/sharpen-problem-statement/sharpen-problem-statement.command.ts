import { Command } from '@nestjs/cqrs';
import type { SharpenProblemStatementRequestDto } from '@app/contracts';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class SharpenProblemStatementCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: SharpenProblemStatementRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
