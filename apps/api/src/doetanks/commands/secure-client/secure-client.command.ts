import { Command } from '@nestjs/cqrs';
import type { SecureClientRequestDto } from '@app/contracts';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class SecureClientCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly input: SecureClientRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
