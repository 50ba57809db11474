import { commandExample } from '../../../testing/command-examples';
import type { DefineYearThemesRequestDto } from './define-year-themes.request.dto';

export const EXAMPLE = commandExample<DefineYearThemesRequestDto>({
  body: {
    themes: [
      {
        themeId: '2013-open-overheidsdata',
        title: 'Open overheidsdata',
        description: 'Wat gebeurt er als overheden hun data openstellen, en wie maakt er iets mee?',
      },
      { themeId: '2013-sociaal-domein', title: 'De decentralisaties in het sociaal domein' },
      { themeId: '2013-minder-regels', title: 'Minder regels, meer ruimte voor de professional' },
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
