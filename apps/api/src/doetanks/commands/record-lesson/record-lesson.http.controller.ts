import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RecordLessonRequestDto } from './record-lesson.request.dto';
import { ApiCommand } from '../../../commands/api-command.decorator';
import { CLOCK, type Clock } from '../../../commands/clock';
import { newIdFor } from '../../../commands/deterministic-id';
import { uuidParam } from '../../../commands/params';
import { Meta, toCommandMeta, type RequestMeta } from '../../../commands/request-meta';
import { RecordLessonCommand } from './record-lesson.command';
import { Allow, MemberActsAs } from '../../../auth/access.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class RecordLessonHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':doetankId/lessons')
  @Allow('coordinator', 'member')
  @MemberActsAs('body', 'recordedBy', { note: 'and a member of it' })
  @ApiCommand({
    command: 'RecordLesson',
    summary: 'A Doetank records a lesson it learned',
    description:
      'Recorded by one of its members or its coach while the Doetank is at work. ' +
      'The lesson id is chosen by the client or made by the server.',
    creates: true,
  })
  recordLesson(
    @Param('doetankId', uuidParam('doetankId')) doetankId: string,
    @Body() body: RecordLessonRequestDto,
    @Meta() request: RequestMeta,
  ) {
    const lessonId = newIdFor(body.lessonId, request.idempotencyKey, 'lesson');
    const meta = toCommandMeta(request, body.occurredAt, this.clock.now());
    return this.commandBus.execute(new RecordLessonCommand(doetankId, lessonId, body, meta));
  }
}
