import { Command } from '@nestjs/cqrs';
import type { ForgetMemberRequestDto } from './forget-member.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class ForgetMemberCommand extends Command<CommandResult> {
  constructor(
    readonly memberId: string,
    readonly input: ForgetMemberRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
