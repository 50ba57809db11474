import { onNetworkYear } from '../../../commands/command-endpoint';
import { commandController } from '../../../routes/command-controller';
import { DefineYearThemesRequestDto } from './define-year-themes.request.dto';

export const DefineYearThemesHttpController = commandController({
  command: 'DefineYearThemes',
  summary: "The network defines (or redefines) a year's themes",
  description:
    'The list replaces the previous one. Theme ids start with the year of the path; ' +
    'a theme that a Doetank works on cannot be left out.',
  route: 'PUT /network-years/:year/themes',
  access: { allow: ['coordinator'] },
  body: DefineYearThemesRequestDto,
  send: ({ year }, body) =>
    onNetworkYear(year, () => ({
      type: 'DefineYearThemes',
      data: {
        year,
        themes: body.themes.map(({ themeId, title, description }) => ({ themeId, title, description })),
      },
    })),
});
