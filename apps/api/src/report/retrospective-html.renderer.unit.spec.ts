import { REPORT_TEXT } from './report-text';
import { renderRetrospectiveHtml } from './retrospective-html.renderer';
import { retrospectiveFixture } from './testing/retrospective.fixture';

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
      for (const heading of Object.values(REPORT_TEXT.nl.sections)) expect(page).toContain(heading);
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

    it('names the highlights: results, the best-attended gathering, lessons; and partners and supporters', () => {
      expect(page).toContain('Best bezochte bijeenkomst');
      expect(page).toMatch(/Grand Café 2012[\s\S]*104 bezoekers/);
      expect(page).toContain('<a href="https://slimmernetwerk.nl/flexwerken">Businesscase flexwerken</a>');
      expect(page).toContain('één afdeling die flexwerkt');
      expect(page).toContain('KING');
      expect(page).toContain('Fatima El Amrani');
      expect(page).toContain('22 nov 2012');
    });

    it('has a print stylesheet: A4 pages, a section per page', () => {
      expect(page).toContain('@page { size: A4');
      expect(page).toMatch(/@media print \{[\s\S]*\.section \{[^}]*break-before: page/);
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
      for (const heading of Object.values(REPORT_TEXT.en.sections)) expect(page).toContain(heading);
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
        'Kerncijfers',
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
    expect(count(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)).toBeGreaterThanOrEqual(9);
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
    for (const text of Object.values(REPORT_TEXT.nl.empty)) expect(page).toContain(text);
    expect(page).not.toContain('data-chart="chart-themes"');
  });
});

function firstYearTrend() {
  const trend = { ...retrospectiveFixture().trend };
  for (const key of Object.keys(trend) as (keyof typeof trend)[])
    trend[key] = { current: trend[key].current, previous: null, change: null };
  return trend;
}
