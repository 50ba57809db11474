import { commandExample, EXAMPLE_IDS as ids, text, id } from '../../../testing/command-examples';
import type { AddProgrammeItemRequestDto } from './add-programme-item.request.dto';

export const EXAMPLE = commandExample<AddProgrammeItemRequestDto>({
  body: {
    itemId: ids.programmeItem,
    title: 'Pitch: één keukentafelgesprek in plaats van vijf loketten',
    speaker: 'Fatima El Amrani (Gemeente Utrecht)',
    doetankId: ids.doetank,
    occurredAt: '2013-10-28T11:00:00+01:00',
  },
  fields: { itemId: id, title: text(200), speaker: text(200), doetankId: id },
  required: ['title'],
  access: async (f) => ({
    path: `/gatherings/${await f.gathering()}/programme`,
    body: { title: 'Pitch' },
  }),
});
