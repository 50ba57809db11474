import { commandExample, text } from '../../../testing/command-examples';
import type { ConcludeDoetankRequestDto } from './conclude-doetank.request.dto';

export const EXAMPLE = commandExample<ConcludeDoetankRequestDto>({
  body: {
    conclusion: 'Overvecht werkt sinds januari met één intakeformulier; drie andere wijken volgen in 2014.',
    occurredAt: '2013-12-16T16:00:00+01:00',
  },
  fields: { conclusion: text(5000) },
  required: [],
  access: async (f, self) => ({
    path: `/doetanks/${await f.doetank(await f.member(self), { started: true })}/conclude`,
    body: { conclusion: 'Klaar' },
  }),
});
