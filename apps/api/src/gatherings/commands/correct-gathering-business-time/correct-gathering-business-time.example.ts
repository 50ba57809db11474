import { commandExample, CORRECTION_FIELDS } from '../../../testing/command-examples';
import type { CorrectGatheringBusinessTimeRequestDto } from './correct-gathering-business-time.request.dto';

export const EXAMPLE = commandExample<CorrectGatheringBusinessTimeRequestDto>({
  body: {
    revision: 2,
    correctedTo: '2012-11-22T17:30:00+01:00',
    reason: 'De aanwezigheid is na afloop genoteerd, niet de volgende ochtend.',
  },
  ...CORRECTION_FIELDS,
  access: async (f) => ({
    // A café scheduled on 5 January 2012 (revision 0), corrected to the day before.
    path: `/gatherings/${await f.gathering()}/business-time-corrections`,
    body: { revision: 0, correctedTo: '2012-01-04T10:00:00Z', reason: 'Eerder' },
  }),
});
