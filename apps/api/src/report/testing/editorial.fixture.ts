import type { NetworkYearDocument } from '@app/contracts/read-models';

/**
 * The editorial records of 2011 and 2012 as the network-years read model holds them: the programme announced in
 * 2011 (a reconstruction), and 2012's foreword, the Grand Café film by its maker and the LinkedIn group's size.
 */
const programme = {
  programmeId: 'p',
  name: 'Innoveren door professionals, versterking en groei Slimmernetwerk',
  goals: ['Professionals vernieuwen hun eigen werk'],
  consortium: [{ organisation: 'Kennisland' }, { organisation: 'Kafkabrigade' }, { organisation: 'TNO' }],
  funder: { organisation: 'Ministerie van BZK', scheme: 'Beter Werken in het Openbaar Bestuur' },
  announcedOn: '2011-12-13',
  reconstruction: true,
};
export const editorialNetworkYears: NetworkYearDocument[] = [
  { id: '2011', year: 2011, programmes: [programme], results: [], communitySizes: [], lastEventPosition: 1 },
  {
    id: '2012',
    year: 2012,
    foreword: {
      text: 'Een jaar van doen.\n\nEn van <durven>.',
      signedBy: { name: 'Jorrit', role: 'coördinator' },
    },
    programmes: [],
    results: [
      {
        resultId: 'film',
        title: 'Innoveren door professionals',
        kind: 'film' as const,
        link: 'https://www.kl.nl/film',
        makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
        publishedOn: '2012-11-22',
      },
    ],
    communitySizes: [
      { community: 'LinkedIn-groep Slimmernetwerk', size: 3000, approximate: true, measuredOn: '2012-12-04' },
    ],
    lastEventPosition: 9,
  },
];
