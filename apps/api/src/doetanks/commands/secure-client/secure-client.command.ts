import { Command } from '@nestjs/cqrs';
import type { SecureClientRequestDto } from './secure-client.request.dto';
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
