import { commandExample, EXAMPLE_IDS as ids, text, id } from '../../../testing/command-examples';
import type { SharpenProblemStatementRequestDto } from './sharpen-problem-statement.request.dto';

export const EXAMPLE = commandExample<SharpenProblemStatementRequestDto>({
  body: {
    problemStatement:
      'Niet de regels over gegevensdeling, maar vijf verschillende intakeformulieren houden één gesprek tegen. ' +
      'Kunnen de vijf loketten in Utrecht-Overvecht één formulier delen?',
    sharpenedBy: ids.pieter,
    occurredAt: '2013-03-04T16:00:00+01:00',
  },
  fields: { problemStatement: text(5000), sharpenedBy: id },
  required: ['problemStatement', 'sharpenedBy'],
  access: async (f, self) => ({
    path: `/doetanks/${await f.doetank(await f.member(self))}/problem-statement`,
    body: { problemStatement: 'Scherper gesteld', sharpenedBy: self },
  }),
});
