import { commandExample } from '../../../testing/command-examples';
import { YEAR_THEMES_EXAMPLE, type DefineYearThemesRequestDto } from './define-year-themes.request.dto';

export const EXAMPLE = commandExample<DefineYearThemesRequestDto>({
  body: {
    themes: [
      ...YEAR_THEMES_EXAMPLE,
      { themeId: '2013-burgerkracht', title: 'Burgerkracht en zelforganisatie' },
      { themeId: '2013-slimmer-samenwerken', title: 'Slimmer samenwerken tussen overheden' },
    ],
    occurredAt: '2012-12-10T10:00:00+01:00',
  },
  fields: { themes: { kind: 'themes' } },
  required: ['themes'],
  access: async () => ({
    path: '/network-years/2013/themes',
    body: { themes: [{ themeId: '2013-open-data', title: 'Open data' }], occurredAt: '2012-12-10T10:00:00Z' },
  }),
});
