import { Command } from '@nestjs/cqrs';
import type { SharpenProblemStatementRequestDto } from './sharpen-problem-statement.request.dto';
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
