import type { Retrospective } from '@app/contracts/read-models';
import type { ReportEdition } from './report-edition';
import { REPORT_TEXT } from './report-text';
import { PUBLICATION_TEXT } from './report-text-publication';
import {
  renderRetrospectiveHtml as renderEdition,
  type HtmlReportOptions,
} from './retrospective-html.renderer';
import { editionFixture } from './testing/report-edition.fixture';
import { retrospectiveFixture } from './testing/retrospective.fixture';

/** The page of a retrospective in the fixture's edition (its stories, programmes and look ahead). */
const renderRetrospectiveHtml = (
  report: Retrospective,
  lang?: 'nl' | 'en',
  options?: HtmlReportOptions,
  edition: Partial<ReportEdition> = {},
) => renderEdition(editionFixture(report, edition), lang, options);
const sectionHeadings = (lang: 'nl' | 'en') => {
  const s = PUBLICATION_TEXT[lang].sections;
  return [
    s.brief,
    s.highlight,
    s.doetanks,
    s.gatherings,
    s.community,
    s.organisation,
    s.ahead(2013),
    s.figures,
    s.colophon,
  ];
};

const chart = (page: string, id: string): string => {
  const match = new RegExp(`<svg[^>]*data-chart="${id}"[\\s\\S]*?</svg>`).exec(page);
  if (!match) throw new Error(`no chart ${id}`);
  return match[0];
};
const count = (markup: string, pattern: RegExp) => (markup.match(pattern) ?? []).length;
const bars = (svg: string) => count(svg, /<rect\s+class="bar"/g);
const card = (page: string, figure: string) =>
  new RegExp(`<div class="card" data-figure="${figure}">[\\s\\S]*?</div>`).exec(page)![0];

describe('renderRetrospectiveHtml', () => {
  const report = retrospectiveFixture();

  describe('in Dutch (the default)', () => {
    const page = renderRetrospectiveHtml(report);

    it('is a complete Dutch page titled "Terugblik 2012"', () => {
      expect(page.startsWith('<!doctype html>')).toBe(true);
      expect(page).toContain('<html lang="nl">');
      expect(page).toContain('<title>Terugblik 2012 · Slimmernetwerk</title>');
      expect(page).toMatch(/<h1>\s*Terugblik 2012\s*<\/h1>/);
      for (const heading of sectionHeadings('nl')) expect(page).toContain(heading);
    });

    it('draws each chart with a bar or point per figure', () => {
      expect(count(chart(page, 'chart-member-growth'), /<circle\s+class="point"/g)).toBe(12);
      expect(bars(chart(page, 'chart-funnel'))).toBe(5);
      expect(bars(chart(page, 'chart-sectors'))).toBe(7);
      expect(bars(chart(page, 'chart-roles'))).toBe(3);
      expect(bars(chart(page, 'chart-themes'))).toBe(3);
      expect(bars(chart(page, 'chart-results'))).toBe(5);
      expect(bars(chart(page, 'chart-gatherings'))).toBe(6);
      expect(bars(chart(page, 'chart-activity'))).toBe(12);
    });

    it('labels the charts in Dutch with the numbers of the report', () => {
      const funnel = chart(page, 'chart-funnel');
      for (const label of ['Voorgesteld', 'Gestart', 'Afgerond', 'Gestopt', 'Actief eind jaar'])
        expect(funnel).toContain(`>${label}</text`);
      expect(funnel).toMatch(/data-value="12"/);
      expect(chart(page, 'chart-member-growth')).toContain('>749</text');
      expect(chart(page, 'chart-sectors')).toContain('>Gemeente</text');
      expect(chart(page, 'chart-sectors')).toContain('170 nieuw');
      expect(chart(page, 'chart-themes')).toContain('>Samenwerking in de keten</text');
      expect(chart(page, 'chart-gatherings')).toContain('5 bijeenkomsten');
      expect(chart(page, 'chart-activity')).toContain('>mrt</text');
    });

    it('shows the headline figures with their change against the year before', () => {
      expect(card(page, 'membersTotalAtYearEnd')).toMatch(/749[\s\S]*\+86%[\s\S]*t\.o\.v\. 2011: 403/);
      expect(card(page, 'membersJoined')).toMatch(/−6%/);
      expect(card(page, 'membersJoined')).toContain('trend bad');
      expect(page).toMatch(/data-figure="partners"[\s\S]*?nieuw/);
      expect(page).toMatch(/data-figure="discussionsStarted"[\s\S]*?gelijk/);
      expect(page).toMatch(/<th scope="col" class="num">\s*2011\s*<\/th>/);
    });

    it('tells the highlight from its events: place, date, attendance, programme, what it announced', () => {
      const highlight = /<section[^>]*id="hoogtepunt"[\s\S]*?<\/section>/.exec(page)![0];
      expect(highlight).toMatch(
        /Grand Café 2012[\s\S]*22 november 2012, Beurs van Berlage, Amsterdam: 104 bezoekers/,
      );
      expect(highlight).toContain('Lucas Lombaers (BZK)');
      expect(highlight).toMatch(
        /Aangekondigd voor 2013[\s\S]*KING wordt strategisch partner[\s\S]*2 thema&#39;s/,
      );
      expect(highlight).toContain('Openstellen van overheidsdata');
    });

    it('tells the gathering’s report: its text, quotes with roles, media with their makers, guests', () => {
      const highlight = /<section[^>]*id="hoogtepunt"[\s\S]*?<\/section>/.exec(page)![0];
      expect(highlight).toContain('Zo’n honderd mensen kwamen samen');
      expect(highlight).toMatch(
        /“Een reis met ambitie\.”[\s\S]*Lucas Lombaers, <span class="role">ministerie van BZK/,
      );
      expect(highlight).toMatch(
        /<a href="https:\/\/www\.kl\.nl\/film">Film &#39;Innoveren door professionals&#39;<\/a>[\s\S]*gemaakt door Robin de Lange/,
      );
      expect(highlight).toContain('Naast de leden kwamen er 12 gasten.');
    });

    it('tells each Doetank: stage, client, coach, members, results with links, lessons, outcome or stop reason', () => {
      const first = /<article class="story" id="doetank-[^"]*e01"[\s\S]*?<\/article>/.exec(page)![0];
      expect(first).toMatch(/De gemeente zonder huis[\s\S]*afgerond/);
      expect(first).toContain('Gemeente Zaanstad');
      expect(first).toContain('Joost Verhoeven');
      expect(first).toMatch(/4 leden[\s\S]*Rijkswaterstaat/);
      expect(first).toContain('<a href="https://slimmernetwerk.nl/flexwerken">Businesscase flexwerken</a>');
      expect(first).toContain('Begin met één afdeling die flexwerkt.');
      expect(first).toMatch(/Afgerond op 22 november 2012:[\s\S]*Drie gemeenten gaan ermee verder/);
      const second = /<article class="story" id="doetank-[^"]*e02"[\s\S]*?<\/article>/.exec(page)![0];
      expect(second).toMatch(/Gestopt op 1 juni 2012:[\s\S]*De opdrachtgever trok zich terug/);
      // Without the name, the coach's organisation.
      expect(second).toContain('een coach van TNO');
    });

    it('shows the funnel per cohort, not mixed', () => {
      expect(page).toMatch(/<tr data-cohort="2011">[\s\S]*?>3<[\s\S]*?>3<[\s\S]*?>1<[\s\S]*?>0<[\s\S]*?>2</);
      expect(page).toMatch(/<tr data-cohort="2012">/);
    });

    it('looks ahead to next year: partner, themes, Doetanks under them', () => {
      const ahead = /<section[^>]*id="vooruitblik"[\s\S]*?<\/section>/.exec(page)![0];
      expect(ahead).toMatch(
        /Vooruitblik op 2013[\s\S]*KING[\s\S]*Openstellen van overheidsdata[\s\S]*Open data in de wijk/,
      );
    });

    it('has a cover with contents, and a colophon naming the log position it stands on', () => {
      expect(page).toMatch(
        /<nav class="contents"[\s\S]*href="#kort"[\s\S]*href="#vooruitblik"[\s\S]*href="#colofon"/,
      );
      expect(page).toMatch(/<ul class="colophon-lines">[\s\S]*tot en met positie 3\.364/);
      expect(page).toContain('KING');
      expect(page).toContain('Fatima El Amrani');
    });

    it('has a print stylesheet: A4 pages, the big sections starting a page, the short ones following on', () => {
      expect(page).toContain('@page { size: A4');
      expect(page).toMatch(/@media print \{[\s\S]*\.section\.page-start \{[^}]*break-before: page/);
      expect(page).toMatch(/<section\s+class="section page-start"\s+id="doetanks"/);
      expect(page).toMatch(/<section\s+class="section"\s+id="vooruitblik"/);
    });

    it('links to the English page, the Markdown and the JSON, unless told not to', () => {
      expect(page).toContain('href="?lang=en"');
      expect(page).toContain('href="?format=md&amp;lang=nl"');
      expect(page).toContain('href="../2012"');
      expect(renderRetrospectiveHtml(report, 'nl', { navigation: false })).not.toContain('href="?lang=en"');
    });

    it('is the same page every time', () => {
      expect(renderRetrospectiveHtml(retrospectiveFixture())).toBe(page);
    });
  });

  describe('in English', () => {
    const page = renderRetrospectiveHtml(report, 'en');

    it('has every heading, label and figure in English', () => {
      expect(page).toContain('<html lang="en">');
      expect(page).toMatch(/<h1>\s*2012 in review\s*<\/h1>/);
      for (const heading of sectionHeadings('en')) expect(page).toContain(heading);
      expect(chart(page, 'chart-funnel')).toContain('>Active at year end</text');
      expect(chart(page, 'chart-sectors')).toContain('>Municipality</text');
      expect(chart(page, 'chart-activity')).toContain('>Mar</text');
      expect(card(page, 'membersTotalAtYearEnd')).toMatch(/\+86%[\s\S]*vs\. 2011: 403/);
      expect(page).toMatch(/data-figure="partners"[\s\S]*?new/);
      expect(page).toContain('href="?lang=nl"');
    });

    it('uses no Dutch label', () => {
      const visibleText = page.replace(/<style>[\s\S]*?<\/style>/, '');
      for (const dutch of [
        'Het jaar in het kort',
        'Leden',
        'Bijeenkomsten',
        'Voorgesteld',
        'nieuw',
        't.o.v.',
        'Bestuurder',
      ])
        expect(visibleText).not.toContain(dutch);
    });

    it('prints numbers the English way', () => {
      const big = renderRetrospectiveHtml(
        retrospectiveFixture({ discussions: { started: 1234, closed: 0 } }),
        'en',
      );
      expect(big).toContain('1,234 discussions started');
      expect(
        renderRetrospectiveHtml(retrospectiveFixture({ discussions: { started: 1234, closed: 0 } })),
      ).toContain('1.234 discussies gestart');
    });
  });

  it('says "first year" and leaves out the comparison when there is no year before', () => {
    const page = renderRetrospectiveHtml(
      retrospectiveFixture({ previousYear: null, trend: firstYearTrend() }),
    );
    expect(card(page, 'membersJoined')).toContain('eerste jaar');
    expect(page).not.toContain('t.o.v.');
    expect(page).not.toMatch(/<th scope="col" class="num">\s*2011\s*<\/th>/);
  });

  it('gives a change on small numbers as a count, uncoloured, never as a percentage', () => {
    const page = renderRetrospectiveHtml(retrospectiveFixture());
    // Results: 5 in 2011, more in 2012: a count, not "+540%".
    const row = /<tr data-figure="results">[\s\S]*?<\/tr>/.exec(page)![0];
    expect(row).not.toContain('%');
    expect(row).toContain('trend-cell neutral');
    expect(row).toMatch(/\+\d+/);
  });

  it('shows a year in progress as "so far", says so, and compares with nothing', () => {
    const page = renderRetrospectiveHtml(
      retrospectiveFixture(),
      'nl',
      {},
      {
        inProgress: true,
        recordedUntil: '2012-05',
      },
    );
    expect(page).toContain(
      'Dit jaar is nog niet voorbij: de cijfers gaan over 2012 tot nu toe (vastgelegd tot en met mei 2012).',
    );
    expect(page).not.toMatch(/[−-]\d+%/);
    expect(page).not.toContain('trend bad');
    expect(card(page, 'membersJoined')).toMatch(/tot nu toe[\s\S]*heel 2011: 412/);
    const en = renderRetrospectiveHtml(
      retrospectiveFixture(),
      'en',
      {},
      { inProgress: true, recordedUntil: null },
    );
    expect(en).toContain(
      'This year is not over: the figures cover 2012 so far, and nothing has been recorded yet.',
    );
  });

  it('escapes text from members everywhere and links only to http(s)', () => {
    const evil = '<script>alert(1)</script>';
    const base = retrospectiveFixture();
    const page = renderRetrospectiveHtml(
      retrospectiveFixture({
        themes: [{ themeId: '2012-x', title: evil, doetanks: 2 }],
        partners: [{ organisation: evil, description: evil }],
        supporters: [{ supporterId: 's', name: evil, affiliation: evil }],
        gatherings: {
          ...base.gatherings,
          list: base.gatherings.list.map((g) => ({ ...g, title: evil, venue: evil })),
        },
        highlights: {
          results: [
            { ...base.highlights.results[0], title: evil, doetankTitle: evil, link: 'javascript:alert(1)' },
          ],
          lessons: [
            { ...base.highlights.lessons[0], excerpt: evil, doetankTitle: `"><img src=x onerror=alert(1)>` },
          ],
          bestAttendedGathering: { ...base.highlights.bestAttendedGathering!, title: evil },
        },
      }),
    );
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('javascript:');
    expect(count(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)).toBeGreaterThanOrEqual(7);
    const stories = renderEdition(
      editionFixture(retrospectiveFixture(), {
        doetanks: editionFixture().doetanks.map((d) => ({
          ...d,
          title: evil,
          problemStatement: evil,
          client: evil,
          coachName: evil,
          memberOrganisations: [evil],
          lessons: [evil],
          results: d.results.map((r) => ({ ...r, title: evil, link: 'javascript:alert(1)' })),
          ...(d.conclusion && { conclusion: { ...d.conclusion, text: evil } }),
        })),
        programmes: { '6f0c2c64-5a43-4b7e-9d43-1f2a3b4c5d02': [{ title: evil, speaker: evil }] },
      }),
    );
    expect(stories).not.toContain('<script>');
    expect(stories).not.toContain('javascript:');
  });

  it('says so when a year has no themes, gatherings, results, lessons, partners or supporters', () => {
    const base = retrospectiveFixture();
    const page = renderRetrospectiveHtml(
      retrospectiveFixture({
        themes: [],
        partners: [],
        supporters: [],
        gatherings: { ...base.gatherings, list: [] },
        highlights: { results: [], lessons: [], bestAttendedGathering: null },
      }),
    );
    const { empty } = REPORT_TEXT.nl;
    for (const text of [empty.gatherings, empty.partners, empty.supporters]) expect(page).toContain(text);
    expect(page).not.toContain('data-chart="chart-themes"');
  });
});

function firstYearTrend() {
  const trend = { ...retrospectiveFixture().trend };
  for (const key of Object.keys(trend) as (keyof typeof trend)[])
    trend[key] = { current: trend[key].current, previous: null, change: null };
  return trend;
}
