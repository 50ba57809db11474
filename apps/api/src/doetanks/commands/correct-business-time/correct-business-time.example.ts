import { commandExample, CORRECTION_FIELDS } from '../../../testing/command-examples';
import type { CorrectBusinessTimeRequestDto } from './correct-business-time.request.dto';

export const EXAMPLE = commandExample<CorrectBusinessTimeRequestDto>({
  body: {
    revision: 0,
    correctedTo: '2013-01-14T10:00:00+01:00',
    reason: 'Het voorstel is in januari gedaan, niet in februari.',
  },
  ...CORRECTION_FIELDS,
  access: async (f, self) => {
    // A Doetank proposed now; its proposal (revision 0) is dated a minute earlier.
    const doetankId = await f.doetank(await f.member(self));
    return {
      path: `/doetanks/${doetankId}/business-time-corrections`,
      body: { revision: 0, correctedTo: new Date(Date.now() - 60_000).toISOString(), reason: 'Eerder' },
    };
  },
});
