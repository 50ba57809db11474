import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordLessonRequestDto } from './record-lesson.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { newIdFor } from '../../../commands/deterministic-id';
import { UuidParam } from '../../../commands/params';
import { Meta, type RequestMeta } from '../../../commands/request-meta';
import { CommandRoute } from '../../../routes/command-route.decorator';
import { CommandEndpoint, onDoetank } from '../../../commands/command-endpoint';

@ApiTags('Doetanks')
@Controller('doetanks')
export class RecordLessonHttpController {
  constructor(private readonly commands: CommandEndpoint) {}

  @ApiCommand({
    command: 'RecordLesson',
    summary: 'A Doetank records a lesson it learned',
    description:
      'Recorded by one of its members or its coach while the Doetank is at work. ' +
      'The lesson id is chosen by the client or made by the server.',
    creates: true,
  })
  @CommandRoute('POST :doetankId/lessons', {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'body', field: 'recordedBy', note: 'and a member of it' },
  })
  recordLesson(
    @UuidParam('doetankId') doetankId: string,
    @Body() body: RecordLessonRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const lessonId = newIdFor(body.lessonId, request.idempotencyKey, 'lesson');
    return this.commands.send(request, body, onDoetank(doetankId), async ({ facts }) => ({
      type: 'RecordLesson' as const,
      data: { doetankId, lessonId, lesson: body.lesson, recordedBy: body.recordedBy },
      context: { actor: await facts.member(body.recordedBy) },
    }));
  }
}
