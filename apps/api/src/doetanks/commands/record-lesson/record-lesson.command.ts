import { Command } from '@nestjs/cqrs';
import type { RecordLessonRequestDto } from './record-lesson.request.dto';
import type { CommandMeta, CommandResult } from '../../../commands/command-meta';

export class RecordLessonCommand extends Command<CommandResult> {
  constructor(
    readonly doetankId: string,
    readonly lessonId: string,
    readonly input: RecordLessonRequestDto,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
