import { Command } from '@nestjs/cqrs';
import type { CommandMeta, CommandResult } from './command-meta';

/**
 * A command that spans streams, as its route sends it: the id of the aggregate it is about (the path's, or chosen
 * or made at the edge for a new one), the validated request and its metadata. Each such command is a class of its
 * own, since the CommandBus finds a handler by the command's class:
 * `export class ProposeDoetankCommand extends RequestCommand<ProposeDoetankRequestDto> {}`.
 */
export abstract class RequestCommand<Input> extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly input: Input,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
