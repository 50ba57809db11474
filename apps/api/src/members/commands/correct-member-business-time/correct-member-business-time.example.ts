import { commandExample, CORRECTION_FIELDS } from '../../../testing/command-examples';
import type { CorrectMemberBusinessTimeRequestDto } from './correct-member-business-time.request.dto';

export const EXAMPLE = commandExample<CorrectMemberBusinessTimeRequestDto>({
  body: {
    revision: 0,
    correctedTo: '2012-01-09T10:00:00+01:00',
    reason: 'Het lidmaatschap ging in op de startbijeenkomst, niet bij de inschrijving een week later.',
  },
  ...CORRECTION_FIELDS,
  access: async (f, self) => ({
    // A member who joined now; the joining (revision 0) is dated a minute earlier.
    path: `/members/${await f.member(self)}/business-time-corrections`,
    body: { revision: 0, correctedTo: new Date(Date.now() - 60_000).toISOString(), reason: 'Eerder' },
  }),
});
