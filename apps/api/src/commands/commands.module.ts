import { Global, Module } from '@nestjs/common';
import { CommandRunner } from './command-runner';
import { StreamFacts } from './stream-facts';

/** The shared write path (CommandRunner) and the cross-stream fact reader used by every command handler. */
@Global()
@Module({ providers: [CommandRunner, StreamFacts], exports: [CommandRunner, StreamFacts] })
export class CommandsModule {}
