import { programme2011 } from '@app/contracts/testing/network-year.fixture';
import type { ReportEdition } from './report-edition';
import { editorialOf } from './report-edition';
import { renderRetrospectiveHtml } from './retrospective-html.renderer';
import { editionFixture } from './testing/report-edition.fixture';
import { retrospectiveFixture } from './testing/retrospective.fixture';

const { year: _year, ...described } = programme2011;
const programme = { ...described, reconstruction: true };
const networkYears = [
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

const page = (lang: 'nl' | 'en', editorial: ReportEdition['editorial'] = editorialOf(2012, networkYears)) =>
  renderRetrospectiveHtml(editionFixture(retrospectiveFixture(), { editorial }), lang);

describe('the editorial sections of the report', () => {
  it("takes the year's own records and the programme announced the year before", () => {
    const editorial = editorialOf(2012, networkYears);
    expect(editorial.programme?.year).toBe(2011);
    expect(editorial.foreword?.signedBy.name).toBe('Jorrit');
    expect(editorial.reconstruction).toBe(true);
    expect(editorialOf(2010, networkYears)).toEqual({
      results: [],
      communitySizes: [],
      reconstruction: false,
    });
  });

  it('shows the foreword first, the programme, the film with its maker and the LinkedIn group (Dutch)', () => {
    const nl = page('nl');
    expect(nl).toMatch(/<a href="#voorwoord">Voorwoord<\/a/);
    expect(nl.indexOf('id="voorwoord"')).toBeLessThan(nl.indexOf('id="kort"'));
    expect(nl).toContain('En van &lt;durven&gt;.');
    expect(nl).toContain(
      'Slimmernetwerk is onderdeel van het programma ‘Innoveren door professionals, versterking',
    );
    expect(nl).toContain('Aangekondigd op 13 december 2011.');
    expect(nl).toContain('Gefinancierd door Ministerie van BZK, via ‘Beter Werken in het Openbaar Bestuur’.');
    expect(nl).toMatch(/<li>Kennisland<\/li>\s*<li>Kafkabrigade<\/li>\s*<li>TNO<\/li>/);
    expect(nl).toContain('Gemaakt door Robin de Lange (filmmaker), verschenen 22 november 2012');
    expect(nl).toContain('LinkedIn-groep Slimmernetwerk: ongeveer 3.000 leden op 4 december 2012.');
    expect(nl).toContain('data-line="reconstruction"');
  });

  it('says the same in English', () => {
    const en = page('en');
    expect(en).toContain('Slimmernetwerk is part of the programme');
    expect(en).toContain('Funded by Ministerie van BZK, through ‘Beter Werken in het Openbaar Bestuur’.');
    expect(en).toContain('Made by Robin de Lange (filmmaker), published 22 November 2012');
    expect(en).toContain('LinkedIn-groep Slimmernetwerk: about 3,000 members on 4 December 2012.');
    expect(en).toContain('This report rests on a reconstruction');
  });

  it('leaves out the foreword, the notice and the editorial parts when nothing was recorded', () => {
    const nl = page('nl', { results: [], communitySizes: [], reconstruction: false });
    expect(nl).not.toContain('id="voorwoord"');
    expect(nl).not.toContain('data-line="reconstruction"');
    expect(nl).not.toContain('programme-of-network');
  });
});
