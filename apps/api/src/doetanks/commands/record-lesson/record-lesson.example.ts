import { commandExample, EXAMPLE_IDS as ids, text, id } from '../../../testing/command-examples';
import type { RecordLessonRequestDto } from './record-lesson.request.dto';

export const EXAMPLE = commandExample<RecordLessonRequestDto>({
  body: {
    lessonId: ids.lesson,
    lesson:
      'Begin bij het gezin, niet bij de regels: de meeste "verboden" bleken afspraken die we zelf konden veranderen.',
    recordedBy: ids.pieter,
    occurredAt: '2013-10-07T10:00:00+02:00',
  },
  fields: { lessonId: id, lesson: text(5000), recordedBy: id },
  required: ['lesson', 'recordedBy'],
  access: async (f, self) => ({
    path: `/doetanks/${await f.doetank(await f.member(self), { started: true })}/lessons`,
    body: { lesson: 'Begin klein', recordedBy: self },
  }),
});
