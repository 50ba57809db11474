import { escapeMarkdown, renderRetrospectiveMarkdown } from './retrospective-markdown.renderer';
import { retrospectiveFixture } from './testing/retrospective.fixture';

const section = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rest = markdown.slice(start + heading.length + 1);
  const level = heading.split(' ')[0];
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
};
const tableRows = (markdown: string) =>
  markdown
    .split('\n')
    .filter((l) => /^\| /.test(l))
    .slice(2);

describe('renderRetrospectiveMarkdown', () => {
  const report = retrospectiveFixture();

  it('has the sections of the page in Dutch, with tables where the page has charts', () => {
    const md = renderRetrospectiveMarkdown(report);
    expect(md.startsWith('# Slimmernetwerk · Terugblik 2012\n')).toBe(true);
    for (const heading of ['## Kerncijfers', '## Leden', '## Doetanks', '## Bijeenkomsten', '## Activiteit'])
      expect(md).toContain(`\n${heading}\n`);
    expect(tableRows(section(md, '### Ledengroei per maand'))).toHaveLength(12);
    expect(tableRows(section(md, '### De Doetank-trechter'))).toHaveLength(5);
    expect(tableRows(section(md, '### Leden per sector, eind 2012'))).toHaveLength(7);
    expect(tableRows(section(md, '## Activiteit'))).toHaveLength(12);
    expect(md).toContain('| Samenwerking in de keten | 4 |');
    expect(md).toContain('| Leden eind van het jaar | 749 | 403 | +346 (+86%) |');
    expect(md).toContain('| Strategische partners | 1 | 0 | +1 (nieuw) |');
    expect(md).toContain('| Café | 5 | 212 | 118 |');
  });

  it('is in English with lang en', () => {
    const md = renderRetrospectiveMarkdown(report, 'en');
    expect(md.startsWith('# Slimmernetwerk · 2012 in review\n')).toBe(true);
    expect(md).toContain('\n## Key figures\n');
    expect(md).toContain('| Members at year end | 749 | 403 | +346 (+86%) |');
    expect(md).toContain('| Active at year end | 6 |');
    expect(md).not.toContain('Kerncijfers');
  });

  it('links results only to http(s) and escapes text from members', () => {
    const base = retrospectiveFixture();
    const md = renderRetrospectiveMarkdown(
      retrospectiveFixture({
        themes: [{ themeId: '2012-x', title: 'A | B <script>alert(1)</script>', doetanks: 1 }],
        highlights: {
          ...base.highlights,
          results: [
            {
              ...base.highlights.results[0],
              title: '[klik](javascript:alert(1))',
              link: 'javascript:alert(1)',
            },
            { ...base.highlights.results[0], title: 'Goed *werk*', link: 'https://example.nl/a (b)' },
          ],
        },
      }),
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

  it('leaves ordinary punctuation alone but defuses markers at the start', () => {
    expect(escapeMarkdown('Café 2012-02-09 (Utrecht): wat werkt?')).toBe(
      'Café 2012-02-09 (Utrecht): wat werkt?',
    );
    expect(escapeMarkdown('- geen lijst')).toBe('\\- geen lijst');
    expect(escapeMarkdown('# geen kop')).toBe('\\# geen kop');
    expect(escapeMarkdown('1. geen lijst')).toBe('1\\. geen lijst');
    expect(escapeMarkdown('a_b*c`d')).toBe('a\\_b\\*c\\`d');
  });

  it('says a year in progress is so, and compares nothing ("so far", no negative percentage)', () => {
    const md = renderRetrospectiveMarkdown(retrospectiveFixture(), 'en', {
      inProgress: true,
      recordedUntil: '2012-05',
    });
    expect(md).toContain(
      '**This year is not over: the figures cover 2012 so far (recorded up to May 2012).**',
    );
    expect(md).toMatch(/\| New members \| 386 \| 412 \| so far \|/);
    expect(md).not.toMatch(/−\d+%/);
  });
});
