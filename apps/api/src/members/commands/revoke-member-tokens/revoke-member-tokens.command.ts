import { Command } from '@nestjs/cqrs';
import type { RevokeMemberTokensRequestDto } from './revoke-member-tokens.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class RevokeMemberTokensCommand extends Command<CommandResult> {
  constructor(
    readonly memberId: string,
    readonly input: RevokeMemberTokensRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
