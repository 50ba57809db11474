import { trustedHtml } from './html';
import { group, h3, list, meta, p, span, type Block } from './report-blocks';
import { blocksHtml } from './report-blocks.html';
import { blocksMarkdown } from './report-blocks.markdown';

/** One block of every kind, with text from a member where a member's text may go. */
const evil = '<b>*x*</b>';
const blocks: Block[] = [
  group(
    'story',
    [
      h3(['Titel', ' ', span('afgerond', 'stage', true)]),
      p(['Eerste', { br: true }, span('rol', 'role')], 'signature'),
      list([[{ href: 'https://example.nl/a', text: evil }, ' ', meta('Rapport · 1 mei 2012')]], 'results'),
      list(['een', 'twee'], 'programme', true),
      { kind: 'quote', cls: 'quote', text: '“Citaat.”', by: 'Spreker' },
      { kind: 'facts', entries: [{ term: 'Coach', value: evil }] },
    ],
    { tag: 'article', id: 'doetank-1', data: { stage: '"><script>' } },
  ),
  {
    kind: 'table',
    table: {
      caption: 'Tabel',
      columns: [{ label: 'Jaar' }, { label: 'Aantal', num: true }],
      rows: [{ head: '2012', cells: [{ text: '+86%', cls: 'trend-cell good' }], data: { figure: 'x' } }],
    },
  },
  {
    kind: 'chart',
    caption: 'Grafiek',
    svg: () => trustedHtml('<svg data-chart="c"></svg>'),
    table: {
      columns: [{ label: 'Maand' }, { label: 'Aantal', num: true }],
      rows: [{ cells: ['jan', '1.767'] }],
    },
  },
];

describe('the blocks of the section model', () => {
  it('are markup on the page, with every text and attribute value escaped', () => {
    const page = blocksHtml(blocks).markup;
    expect(page).toMatch(/<article class="story" id="doetank-1" data-stage="&quot;&gt;&lt;script&gt;">/);
    expect(page).toContain('<h3>Titel <span class="stage">afgerond</span></h3>');
    expect(page).toContain('<p class="signature">Eerste<br /><span class="role">rol</span></p>');
    expect(page).toContain('<a href="https://example.nl/a">&lt;b&gt;*x*&lt;/b&gt;</a>');
    expect(page).toMatch(/<ol class="programme"><li>een<\/li><li>twee<\/li><\/ol>/);
    expect(page).toMatch(
      /<tr data-figure="x">\s*<th scope="row">2012<\/th>\s*<td class="num trend-cell good">\+86%<\/td>/,
    );
    expect(page).toMatch(/<figcaption>Grafiek<\/figcaption>\s*<svg data-chart="c"><\/svg>/);
    expect(page).not.toContain('<b>');
  });

  it('are Markdown with tables for charts, asides in parentheses and member text escaped', () => {
    expect(blocksMarkdown(blocks).join('\n')).toBe(
      [
        '### Titel (afgerond)',
        '',
        'Eerste, rol',
        '',
        '- [&lt;b&gt;\\*x\\*&lt;/b&gt;](https://example.nl/a) (Rapport · 1 mei 2012)',
        '',
        '1. een',
        '2. twee',
        '',
        '> “Citaat.”',
        '>',
        '> — Spreker',
        '',
        '- **Coach:** &lt;b&gt;\\*x\\*&lt;/b&gt;',
        '',
        '**Tabel**',
        '',
        '| Jaar | Aantal |',
        '| --- | ---: |',
        '| 2012 | +86% |',
        '',
        '**Grafiek**',
        '',
        '| Maand | Aantal |',
        '| --- | ---: |',
        '| jan | 1.767 |',
        '',
      ].join('\n'),
    );
  });
});
