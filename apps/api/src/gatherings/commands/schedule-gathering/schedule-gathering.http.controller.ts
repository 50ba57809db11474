import { ScheduleGatheringRequestDto } from './schedule-gathering.request.dto';
import { newIdFor } from '../../../commands/deterministic-id';
import { onGathering } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const ScheduleGatheringHttpController = commandController({
  command: 'ScheduleGathering',
  summary: 'A Café, the Grand Café or a Masterclass is scheduled',
  description: 'The gathering id is chosen by the client or made by the server.',
  creates: true,
  route: 'POST /gatherings',
  access: { allow: ['coordinator'] },
  body: ScheduleGatheringRequestDto,
  send: (_, body, { meta }) => {
    const gatheringId = newIdFor(body.gatheringId, meta.idempotencyKey, 'gathering');
    return onGathering(gatheringId, () => ({
      type: 'ScheduleGathering',
      data: {
        gatheringId,
        kind: body.kind,
        title: body.title,
        // The domain compares times as strings, so it only accepts the normalised UTC form.
        startsAt: new Date(body.startsAt).toISOString(),
        venue: body.venue,
        city: body.city,
        capacity: body.capacity,
      },
    }));
  },
});
