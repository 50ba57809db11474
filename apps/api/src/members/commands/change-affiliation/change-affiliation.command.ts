import { Command } from '@nestjs/cqrs';
import type { ChangeAffiliationRequestDto } from './change-affiliation.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class ChangeAffiliationCommand extends Command<CommandResult> {
  constructor(
    readonly memberId: string,
    readonly input: ChangeAffiliationRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
