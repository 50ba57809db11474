import { Command } from '@nestjs/cqrs';
import type { DefineYearThemesRequestDto } from './define-year-themes.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class DefineYearThemesCommand extends Command<CommandResult> {
  constructor(
    readonly year: number,
    readonly input: DefineYearThemesRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
