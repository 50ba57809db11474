import { WriteForewordRequestDto } from './write-foreword.request.dto';
import { onNetworkYear } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';

export const WriteForewordHttpController = commandController({
  command: 'WriteForeword',
  summary: "The foreword of the year's report, signed by a name and role",
  description: 'Writing it again replaces it; the same text and signature again records nothing.',
  route: 'PUT /network-years/:year/foreword',
  access: { allow: ['coordinator'] },
  body: WriteForewordRequestDto,
  send: ({ year }, body) => {
    const { name, role } = body.signedBy;
    return onNetworkYear(year, () => ({
      type: 'WriteForeword',
      data: { year, text: body.text, signedBy: { name, ...(role !== undefined && { role }) } },
    }));
  },
});
