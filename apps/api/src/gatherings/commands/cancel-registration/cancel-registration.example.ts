import { commandExample, EXAMPLE_IDS as ids, text } from '../../../testing/command-examples';
import type { CancelRegistrationRequestDto } from './cancel-registration.request.dto';

export const EXAMPLE = commandExample<CancelRegistrationRequestDto>({
  params: { gatheringId: ids.gathering, memberId: ids.fatima },
  body: { occurredAt: '2013-11-18T08:40:00+01:00' },
  fields: { reason: text(1000) },
  required: [],
  access: async (f, self) => {
    const gatheringId = await f.gathering();
    await f.member(self);
    expect((await f.post(`/gatherings/${gatheringId}/registrations`, { memberId: self })).status).toBe(200);
    return { path: `/gatherings/${gatheringId}/registrations/${self}/cancel`, body: {} };
  },
});
