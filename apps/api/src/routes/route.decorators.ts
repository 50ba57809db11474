import { SetMetadata } from '@nestjs/common';
import type {
  DiscussionCommand,
  DoetankCommand,
  GatheringCommand,
  MemberCommand,
  NetworkYearCommand,
} from '@app/domain';

/** A command's name as the domain spells it (`ProposeDoetank`): the name an import line and the access matrix use. */
export type CommandName = (
  MemberCommand | DoetankCommand | GatheringCommand | NetworkYearCommand | DiscussionCommand
)['type'];

export const COMMAND_KEY = 'slimmernetwerk:command';
export const SHOWS_KEY = 'slimmernetwerk:shows';

/** The command a route sends, set by `ApiCommand`; `note` qualifies it in the access matrix. */
export interface CommandOfRoute {
  name: CommandName;
  note?: string;
}

export const SendsCommand = (command: CommandOfRoute) => SetMetadata(COMMAND_KEY, command);

/**
 * What a route that sends no command gives its caller, in a few words (`a Doetank’s audit history`): the "what"
 * column of the access matrix in docs/security.md. Command routes are named by `ApiCommand` instead.
 */
export const Shows = (what: string) => SetMetadata(SHOWS_KEY, what);
