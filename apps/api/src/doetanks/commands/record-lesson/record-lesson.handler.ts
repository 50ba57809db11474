import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streams } from '@app/contracts';
import { doetankDecider } from '@app/domain';
import { CommandRunner } from '../../../commands/command-runner';
import type { CommandResult } from '../../../commands/command-meta';
import { StreamFacts } from '../../../commands/stream-facts';
import { RecordLessonCommand } from './record-lesson.command';

@CommandHandler(RecordLessonCommand)
export class RecordLessonHandler implements ICommandHandler<RecordLessonCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly facts: StreamFacts,
  ) {}

  execute({ doetankId, lessonId, input, meta }: RecordLessonCommand): Promise<CommandResult> {
    return this.runner.run({
      decider: doetankDecider,
      streamId: streams.doetank(doetankId),
      aggregateId: doetankId,
      meta,
      build: async () => ({
        type: 'RecordLesson' as const,
        data: { doetankId, lessonId, lesson: input.lesson, recordedBy: input.recordedBy },
        context: { actor: await this.facts.member(input.recordedBy) },
      }),
    });
  }
}
