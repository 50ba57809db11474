import { editorialOf } from './report-edition';
import { renderRetrospectiveHtml } from './retrospective-html.renderer';
import { escapeMarkdown, renderRetrospectiveMarkdown } from './retrospective-markdown.renderer';
import { editionFixture } from './testing/report-edition.fixture';
import { editorialNetworkYears } from './testing/editorial.fixture';
import { retrospectiveFixture } from './testing/retrospective.fixture';

/** The text under a heading, up to the next heading of the same or a higher level. */
const section = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rest = markdown.slice(start + heading.length + 2);
  const level = heading.split(' ')[0];
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
};
/** The rows of the table after a caption (`**caption**`). */
const tableAfter = (markdown: string, caption: string) => {
  const start = markdown.indexOf(`**${caption}**\n\n`);
  if (start < 0) throw new Error(`no table ${caption}`);
  const lines = markdown.slice(start).split('\n').slice(2);
  const end = lines.findIndex((line) => !line.startsWith('|'));
  return lines.slice(2, end);
};
const headings = (markdown: string) => [...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
const htmlHeadings = (page: string) =>
  [
    ...page.matchAll(/<h2 id="(?!inhoud)[a-z]+-title">([^<]*)<\/h2>/g),
    ...page.matchAll(/<h2>([^<]*)<\/h2>/g),
  ].map((m) => m[1].replace(/&#39;/g, "'"));

describe('renderRetrospectiveMarkdown', () => {
  const edition = editionFixture(retrospectiveFixture(), {
    editorial: editorialOf(2012, editorialNetworkYears),
  });

  it.each(['nl', 'en'] as const)('carries the same sections as the page, in the same order (%s)', (lang) => {
    const md = renderRetrospectiveMarkdown(edition, lang);
    expect(headings(md)).toEqual(htmlHeadings(renderRetrospectiveHtml(edition, lang)));
    expect(headings(md)).toHaveLength(10);
  });

  it('tells the foreword, the highlight, each Doetank, the look ahead and the editorial parts (Dutch)', () => {
    const md = renderRetrospectiveMarkdown(edition);
    expect(md.startsWith('# Slimmernetwerk · Terugblik 2012\n')).toBe(true);
    const told: [heading: string, text: string][] = [
      ['## Voorwoord', 'En van &lt;durven&gt;.'],
      ['## Hoogtepunt van het jaar', '22 november 2012, Beurs van Berlage, Amsterdam: 104 bezoekers.'],
      ['## Hoogtepunt van het jaar', '> “Een reis met ambitie.”\n>\n> — Lucas Lombaers, ministerie van BZK'],
      ['## Hoogtepunt van het jaar', '1. Opening — Lucas Lombaers (BZK)'],
      ['## Hoogtepunt van het jaar', 'KING wordt strategisch partner.'],
      [
        '## Hoogtepunt van het jaar',
        '(Gemaakt door Robin de Lange (filmmaker), verschenen 22 november 2012)',
      ],
      ['## De Doetanks', '### De gemeente zonder huis (afgerond)'],
      ['## De Doetanks', '- **Coach:** Joost Verhoeven'],
      ['## De Doetanks', '- [Businesscase flexwerken](https://slimmernetwerk.nl/flexwerken) (Business case'],
      ['## De Doetanks', '**Afgerond op 22 november 2012:** Drie gemeenten gaan ermee verder.'],
      ['## De Doetanks', '**Gestopt op 1 juni 2012:** De opdrachtgever trok zich terug.'],
      ['## De Doetanks', '| 2011 | 3 | 3 | 1 | 0 | 2 |'],
      ['## De gemeenschap', '- LinkedIn-groep Slimmernetwerk: ongeveer 3.000 leden op 4 december 2012.'],
      [
        '## Partners en supporters',
        'Gefinancierd door Ministerie van BZK, via ‘Beter Werken in het Openbaar Bestuur’.',
      ],
      ['## Vooruitblik op 2013', '- **Open data in de wijk** (Openstellen van overheidsdata · voorgesteld)'],
      ['## Colofon', 'tot en met positie 3.364'],
      ['## Colofon', 'Dit verslag rust op een reconstructie'],
    ];
    for (const [heading, text] of told)
      expect({ heading, text: section(md, heading) }).toEqual({
        heading,
        text: expect.stringContaining(text),
      });
  });

  it('gives the figures as tables where the page has charts and cards', () => {
    const md = renderRetrospectiveMarkdown(edition);
    expect(tableAfter(md, 'Ledengroei per maand')).toHaveLength(12);
    expect(tableAfter(md, 'Leden per sector, eind 2012')).toHaveLength(7);
    expect(tableAfter(md, 'Activiteit per maand')).toHaveLength(12);
    expect(
      tableAfter(md, 'Wat er in 2012 gebeurde (elke stap telt in het jaar waarin hij plaatsvond)'),
    ).toEqual([
      '| Voorgesteld | 12 |',
      '| Gestart | 9 |',
      '| Afgerond | 4 |',
      '| Gestopt | 2 |',
      '| Actief eind jaar | 6 |',
    ]);
    for (const row of [
      '| Samenwerking in de keten | 4 |',
      '| Leden eind van het jaar | 749 | 403 | +86% |',
      '| Leden eind van het jaar | 749 | +86% (t.o.v. 2011: 403) |',
      '| Gebeurtenissen | 1.767 | 980 | +80% |',
      '| Strategische partners | 1 | 0 | nieuw |',
      '| Café | 5 | 212 | 118 |',
    ])
      expect(md).toContain(row);
  });

  it('is in English with lang en', () => {
    const md = renderRetrospectiveMarkdown(edition, 'en');
    expect(md.startsWith('# Slimmernetwerk · 2012 in review\n')).toBe(true);
    for (const text of [
      '\n## The year in brief\n',
      '| Members at year end | 749 | 403 | +86% |',
      '| Active at year end | 6 |',
      '**Concluded on 22 November 2012:** Drie gemeenten gaan ermee verder.',
      '\n## Looking ahead to 2013\n',
    ])
      expect(md).toContain(text);
    for (const dutch of ['Kerncijfers', 'Afgerond op', 'Voorwoord']) expect(md).not.toContain(dutch);
  });

  it('links only to http(s) and escapes text from members', () => {
    const base = editionFixture();
    const [first] = base.doetanks;
    const md = renderRetrospectiveMarkdown(
      editionFixture(
        retrospectiveFixture({
          themes: [{ themeId: '2012-x', title: 'A | B <script>alert(1)</script>', doetanks: 1 }],
        }),
        {
          doetanks: [
            {
              ...first,
              results: [
                { ...first.results[0], title: '[klik](javascript:alert(1))', link: 'javascript:alert(1)' },
                { ...first.results[0], title: 'Goed *werk*', link: 'https://example.nl/a (b)' },
              ],
            },
          ],
        },
      ),
    );
    expect(md).not.toContain('<script>');
    expect(md).toContain('| A \\| B &lt;script&gt;alert(1)&lt;/script&gt; | 1 |');
    // Only an escaped bracket may precede "(javascript:": no link.
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    expect(md).toContain('- \\[klik\\](javascript:alert(1)) (Business case');
    expect(md).toContain('- [Goed \\*werk\\*](https://example.nl/a%20%28b%29) (Business case');
  });

  it('keeps a table row on one line when a title has line breaks', () => {
    expect(escapeMarkdown('een\ntwee\r\ndrie')).toBe('een twee drie');
  });

  it('leaves ordinary punctuation and numbers alone but defuses markers at the start', () => {
    expect(escapeMarkdown('Café 2012-02-09 (Utrecht): wat werkt?')).toBe(
      'Café 2012-02-09 (Utrecht): wat werkt?',
    );
    expect(escapeMarkdown('+86%')).toBe('+86%');
    expect(escapeMarkdown('1.767')).toBe('1.767');
    expect(escapeMarkdown('- geen lijst')).toBe('\\- geen lijst');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('# geen kop')).toBe('\\# geen kop');
    expect(escapeMarkdown('1. geen lijst')).toBe('1\\. geen lijst');
    expect(escapeMarkdown('a_b*c`d')).toBe('a\\_b\\*c\\`d');
  });

  it('says a year in progress is so, and compares nothing ("so far", no negative percentage)', () => {
    const md = renderRetrospectiveMarkdown(
      editionFixture(retrospectiveFixture(), { inProgress: true, recordedUntil: '2012-05' }),
      'en',
    );
    expect(md).toContain(
      '**This year is not over: the figures cover 2012 so far (recorded up to May 2012).**',
    );
    expect(md).toMatch(/\| New members \| 386 \| 412 \| so far \|/);
    expect(md).toContain('| New members | 386 | so far (all of 2011: 412) |');
    expect(md).not.toMatch(/−\d+%/);
  });

  it('follows the template: its sections in its order, its cover words', () => {
    const md = renderRetrospectiveMarkdown(edition, 'nl', {
      template: {
        sections: ['ahead', 'brief'],
        leadFigures: ['membersJoined'],
        texts: { nl: { kicker: 'Jaarverslag aan het ministerie' } },
      },
    });
    expect(headings(md)).toEqual(['Vooruitblik op 2013', 'Het jaar in het kort', 'Colofon']);
    expect(md).toContain('_Jaarverslag aan het ministerie_');
    expect(md).toContain('| Nieuwe leden | 386 | −6% (t.o.v. 2011: 412) |');
  });
});
