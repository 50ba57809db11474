import type { Retrospective } from '@app/contracts/read-models';
import type { ReportEdition } from '../report-edition';
import { retrospectiveFixture } from './retrospective.fixture';

/**
 * The 2012 report as a publication, around {@link retrospectiveFixture}: two Doetank stories (one concluded with
 * a linked result and a lesson, one stopped), the Grand Café's programme, two cohorts, and 2013 decided (a
 * partner, two themes, a Doetank under one). `overrides` replaces top-level fields.
 */
export const editionFixture = (
  report: Retrospective = retrospectiveFixture(),
  overrides: Partial<ReportEdition> = {},
): ReportEdition => ({
  report,
  inProgress: false,
  recordedUntil: '2012-12',
  editorial: { results: [], communitySizes: [], reconstruction: false },
  doetanks: [
    {
      id: '7d3e9a10-2b4c-4d6e-8f10-2a3b4c5d6e01',
      title: 'De gemeente zonder huis',
      problemStatement: 'Wat als de gemeente geen gemeentehuis meer heeft?',
      stage: 'concluded',
      themeTitle: 'Samenwerking in de keten',
      client: 'Gemeente Zaanstad',
      coachName: 'Joost Verhoeven',
      coachOrganisation: 'Kennisland',
      memberCount: 4,
      memberOrganisations: ['Gemeente Zaanstad', 'Rijkswaterstaat'],
      results: [
        {
          resultId: 'r1',
          kind: 'business-case',
          title: 'Businesscase flexwerken',
          link: 'https://slimmernetwerk.nl/flexwerken',
          sharedBy: 'm1',
          sharedAt: '2012-09-20T10:00:00.000Z',
        },
      ],
      lessons: ['Begin met één afdeling die flexwerkt.'],
      proposedAt: '2011-11-02T10:00:00.000Z',
      startedAt: '2012-01-15T10:00:00.000Z',
      conclusion: { text: 'Drie gemeenten gaan ermee verder.', at: '2012-11-22T15:00:00.000Z' },
    },
    {
      id: '7d3e9a10-2b4c-4d6e-8f10-2a3b4c5d6e02',
      title: 'Lerende inspectie',
      problemStatement: 'Hoe leert een inspectie van wat ze ziet?',
      stage: 'stopped',
      coachName: null,
      coachOrganisation: 'TNO',
      memberCount: 2,
      memberOrganisations: ['Inspectie SZW'],
      results: [],
      lessons: [],
      proposedAt: '2012-03-01T10:00:00.000Z',
      stop: { reason: 'De opdrachtgever trok zich terug.', at: '2012-06-01T10:00:00.000Z' },
    },
  ],
  doetanksCut: false,
  cohorts: [
    { cohort: 2011, proposed: 3, started: 3, concluded: 1, stopped: 0, running: 2 },
    { cohort: 2012, proposed: 9, started: 6, concluded: 2, stopped: 1, running: 4 },
  ],
  programmes: {
    '6f0c2c64-5a43-4b7e-9d43-1f2a3b4c5d02': [
      { title: 'Opening', speaker: 'Lucas Lombaers (BZK)' },
      { title: 'KING stelt zich voor als strategisch partner', speaker: 'KING' },
    ],
  },
  gatheringReports: {
    '6f0c2c64-5a43-4b7e-9d43-1f2a3b4c5d02': {
      summary: 'Zo’n honderd mensen kwamen samen om het volgende jaar voor te bereiden.',
      links: [
        {
          title: "Film 'Innoveren door professionals'",
          url: 'https://www.kl.nl/film',
          maker: 'Robin de Lange',
        },
      ],
      quotes: [{ text: 'Een reis met ambitie.', speaker: 'Lucas Lombaers', role: 'ministerie van BZK' }],
      guests: 12,
    },
  },
  next: {
    year: 2013,
    themes: [
      { themeId: '2013-open-data', title: 'Openstellen van overheidsdata', doetanks: 1 },
      { themeId: '2013-gemeente-zonder-huis', title: 'De gemeente zonder huis', doetanks: 0 },
    ],
    partners: [{ organisation: 'KING' }],
    doetanks: [
      {
        id: 'd3',
        title: 'Open data in de wijk',
        themeTitle: 'Openstellen van overheidsdata',
        stage: 'proposed',
      },
    ],
  },
  position: 3364,
  ...overrides,
});
