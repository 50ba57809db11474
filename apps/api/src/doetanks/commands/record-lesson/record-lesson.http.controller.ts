import { RecordLessonRequestDto } from './record-lesson.request.dto';
import { newIdFor } from '../../../commands/deterministic-id';
import { onDoetank } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const RecordLessonHttpController = commandController({
  command: 'RecordLesson',
  summary: 'A Doetank records a lesson it learned',
  description:
    'Recorded by one of its members or its coach while the Doetank is at work. ' +
    'The lesson id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /doetanks/:doetankId/lessons',
  access: {
    allow: ['coordinator', 'member'],
    actsAs: { from: 'body', field: 'recordedBy', note: 'and a member of it' },
  },
  body: RecordLessonRequestDto,
  send: ({ doetankId }, body, { meta }) => {
    const lessonId = newIdFor(body.lessonId, meta.idempotencyKey, 'lesson');
    return onDoetank(doetankId, async ({ facts }) => ({
      type: 'RecordLesson',
      data: { doetankId, lessonId, lesson: body.lesson, recordedBy: body.recordedBy },
      context: { actor: await facts.member(body.recordedBy) },
    }));
  },
});
