import { Command } from '@nestjs/cqrs';
import type { ShareResultRequestDto } from './share-result.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class ShareResultCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly resultId: string,
    readonly input: ShareResultRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
