import type { ReportEdition } from './report-edition';
import { editorialOf } from './report-edition';
import { renderRetrospectiveHtml } from './retrospective-html.renderer';
import { renderRetrospectiveMarkdown } from './retrospective-markdown.renderer';
import { editionFixture } from './testing/report-edition.fixture';
import { editorialNetworkYears } from './testing/editorial.fixture';
import { retrospectiveFixture } from './testing/retrospective.fixture';

const page = (
  lang: 'nl' | 'en',
  editorial: ReportEdition['editorial'] = editorialOf(2012, editorialNetworkYears),
) => renderRetrospectiveHtml(editionFixture(retrospectiveFixture(), { editorial }), lang);

describe('the editorial sections of the report', () => {
  it("takes the year's own records and the programme announced the year before", () => {
    const editorial = editorialOf(2012, editorialNetworkYears);
    expect(editorial.programme?.year).toBe(2011);
    expect(editorial.foreword?.signedBy.name).toBe('Jorrit');
    expect(editorial.reconstruction).toBe(true);
    expect(editorialOf(2010, editorialNetworkYears)).toEqual({
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

  it('says the same in English, on the page and in the Markdown (one section model)', () => {
    const edition = editionFixture(retrospectiveFixture(), {
      editorial: editorialOf(2012, editorialNetworkYears),
    });
    for (const rendered of [page('en'), renderRetrospectiveMarkdown(edition, 'en')])
      for (const text of [
        'Slimmernetwerk is part of the programme',
        'Funded by Ministerie van BZK, through ‘Beter Werken in het Openbaar Bestuur’.',
        'Made by Robin de Lange (filmmaker), published 22 November 2012',
        'LinkedIn-groep Slimmernetwerk: about 3,000 members on 4 December 2012.',
        'This report rests on a reconstruction',
      ])
        expect(rendered).toContain(text);
  });

  it('leaves out the foreword, the notice and the editorial parts when nothing was recorded', () => {
    const nl = page('nl', { results: [], communitySizes: [], reconstruction: false });
    expect(nl).not.toContain('id="voorwoord"');
    expect(nl).not.toContain('data-line="reconstruction"');
    expect(nl).not.toContain('programme-of-network');
  });
});
