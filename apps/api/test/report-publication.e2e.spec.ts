import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ApiHarness } from './api-harness';
import { startOnDemoYear } from './browser-network';
import { chromiumLaunchOptions } from './chromium';
import { readPdfText } from './pdf-text';

/**
 * The annual report of the demo year as a publication: what the 2012 report tells (the Grand Café, the Doetanks'
 * outcomes, the look ahead) and what the 2013 report of a year whose records stop in 2012 says; the PDF read back
 * (pages, page numbers, contents, text); and a screenshot of every section in both languages, for a person to look
 * at (test-artifacts/report-<year>-<lang>-<section>.png).
 */

const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');

describe('The report as a publication (demo year)', () => {
  let api: ApiHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const launchOptions = await chromiumLaunchOptions();
    api = await startOnDemoYear('publication');
    await waitForReport(api);
    browser = await chromium.launch(launchOptions);
    page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  const text = async (path: string) => {
    const answer = await fetch(`${api.baseUrl}${path}`);
    expect(answer.status).toBe(200);
    return answer.text();
  };

  it('2012 names the Grand Café’s place, date, programme and announcements, each Doetank’s outcome, and looks ahead', async () => {
    const html = await text('/retrospectives/2012/report');
    const highlight = section(html, 'hoogtepunt');
    expect(highlight).toMatch(/22 november 2012, Beurs van Berlage, Amsterdam: 101 bezoekers/);
    expect(highlight).toContain('Lucas Lombaers');
    // The Grand Café's report (RecordGatheringReport): the quote with the speaker's role, the film with its maker.
    expect(highlight).toMatch(
      /“Een reis waarvan we het exacte eindpunt[\s\S]*Lucas Lombaers, <span class="role">directeur Arbeidszaken/,
    );
    expect(highlight).toMatch(
      /Film &#39;Innoveren door professionals&#39;[\s\S]*gemaakt door filmmaker Robin de Lange/,
    );
    expect(highlight).toMatch(/KING[^<]*wordt strategisch partner/);
    expect(highlight).toMatch(/5 thema&#39;s/);
    for (const theme of [
      'Visies voor de lerende overheid',
      'Openstellen van overheidsdata',
      'De gemeente zonder huis',
    ])
      expect(highlight).toContain(theme);

    const retrospective = (await api.request('GET', '/retrospectives/2012')).body;
    const list = (await api.request('GET', '/doetanks?limit=100')).body.items as { id: string }[];
    const doetanks = (await Promise.all(list.map((d) => api.request('GET', `/doetanks/${d.id}`)))).map(
      (answer) =>
        answer.body as {
          id: string;
          conclusion?: string;
          stopReason?: string;
          concludedAt?: string;
          stoppedAt?: string;
        },
    );
    // Every Doetank concluded or stopped in 2012 tells its conclusion or stop reason.
    const closedIn2012 = doetanks.filter(
      (d) => d.concludedAt?.startsWith('2012') || d.stoppedAt?.startsWith('2012'),
    );
    expect(closedIn2012.length).toBe(retrospective.doetanks.concluded + retrospective.doetanks.stopped);
    for (const d of closedIn2012) {
      const story = new RegExp(`<article class="story" id="doetank-${d.id}"[\\s\\S]*?</article>`).exec(
        html,
      )![0];
      expect(story).toContain(escapeHtml((d.conclusion ?? d.stopReason)!));
    }

    const ahead = section(html, 'vooruitblik');
    expect(ahead).toMatch(/Vooruitblik op 2013[\s\S]*KING[\s\S]*Visies voor de lerende overheid/);
    expect(ahead).not.toContain('Nog geen Doetanks');
    expect(html).toMatch(/tot en met positie \d/);
    // The figures are the retrospective's.
    expect(html).toMatch(
      new RegExp(`data-figure="membersTotalAtYearEnd">[\\s\\S]*?${nl(retrospective.members.totalAtYearEnd)}`),
    );
    // No percentage on small numbers: lessons and members who left are counts.
    for (const small of ['lessons', 'membersLeft'])
      expect(new RegExp(`<tr data-figure="${small}">[\\s\\S]*?</tr>`).exec(html)![0]).not.toContain('%');
  });

  it('2012 tells the editorial records: the foreword, the programme with consortium and funder, the film by its maker, the LinkedIn group, the reconstruction', async () => {
    for (const [lang, words] of [
      [
        'nl',
        [
          'Voorwoord',
          'Gefinancierd door Ministerie van Binnenlandse Zaken en Koninkrijksrelaties, via ‘Beter Werken in het Openbaar Bestuur’',
          'Gemaakt door Robin de Lange (filmmaker)',
          'LinkedIn-groep Slimmernetwerk: ongeveer 3.000 leden op 4 december 2012',
          'reconstructie',
        ],
      ],
      [
        'en',
        [
          'Foreword',
          'Funded by Ministerie van Binnenlandse Zaken en Koninkrijksrelaties, through ‘Beter Werken in het Openbaar Bestuur’',
          'Made by Robin de Lange (filmmaker)',
          'LinkedIn-groep Slimmernetwerk: about 3,000 members on 4 December 2012',
          'reconstruction',
        ],
      ],
    ] as const) {
      const html = await text(`/retrospectives/2012/report?lang=${lang}`);
      for (const word of words) expect(html).toContain(word);
      const organisation = section(html, 'partners');
      expect(organisation).toContain('Innoveren door professionals, versterking en groei Slimmernetwerk');
      expect(organisation).toMatch(/<li>Kennisland<\/li>\s*<li>Kafkabrigade<\/li>\s*<li>TNO<\/li>/);
      expect(section(html, 'gemeenschap')).toContain('3');
      expect(html).toMatch(/data-line="reconstruction"/);
    }
    // The figures are still the retrospective's: the editorial events are not activity.
    const retrospective = (await api.request('GET', '/retrospectives/2012')).body;
    expect(retrospective.results.total).toBeGreaterThan(0);
  });

  it('2012 in Markdown carries the page’s sections in the same order, with the same story, in both languages', async () => {
    const doetanks = (await api.request('GET', '/doetanks?limit=100')).body.items as { id: string }[];
    // The outcome of every Doetank concluded or stopped in 2012, as its story tells it.
    const outcomes = (await Promise.all(doetanks.map((d) => api.request('GET', `/doetanks/${d.id}`))))
      .map(
        (answer) =>
          answer.body as {
            conclusion?: string;
            stopReason?: string;
            concludedAt?: string;
            stoppedAt?: string;
          },
      )
      .filter((d) => d.concludedAt?.startsWith('2012') || d.stoppedAt?.startsWith('2012'))
      .map((d) => (d.conclusion ?? d.stopReason)!);
    expect(outcomes.length).toBeGreaterThan(0);
    for (const [lang, facts] of [
      ['nl', ['22 november 2012, Beurs van Berlage, Amsterdam: 101 bezoekers', 'KING', 'Robin de Lange']],
      ['en', ['22 November 2012, Beurs van Berlage, Amsterdam: 101 attendees', 'KING', 'Robin de Lange']],
    ] as const) {
      const markdown = await text(`/retrospectives/2012/report?format=md&lang=${lang}`);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `report-2012-${lang}.md`), markdown);
      const html = await text(`/retrospectives/2012/report?lang=${lang}`);
      const pageSections = [...html.matchAll(/<h2 id="(?!inhoud)[a-z]+-title">([^<]*)<\/h2>/g)].map((m) =>
        m[1].replace(/&#39;/g, "'"),
      );
      expect(pageSections.length).toBeGreaterThanOrEqual(9);
      expect([...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual([
        ...pageSections,
        lang === 'nl' ? 'Colofon' : 'Colophon',
      ]);
      for (const fact of facts) expect(markdown).toContain(fact);
      for (const outcome of outcomes) expect(markdown).toContain(outcome);
      expect(markdown).toMatch(lang === 'nl' ? /## Vooruitblik op 2013/ : /## Looking ahead to 2013/);
    }
  });

  it('2013, whose records stop in 2012, says it is in progress and shows no negative percentage', async () => {
    for (const lang of ['nl', 'en']) {
      const html = await text(`/retrospectives/2013/report?lang=${lang}`);
      expect(html).toContain(lang === 'nl' ? 'Dit jaar is nog niet voorbij' : 'This year is not over');
      expect(html).not.toMatch(/[−-]\d+(,\d)?%/);
      expect(html).not.toContain('trend bad');
    }
  });

  it('prints a PDF with page numbers and contents, whose text reads back', async () => {
    const answer = await fetch(`${api.baseUrl}/retrospectives/2012/report.pdf`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await answer.arrayBuffer());
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'report-2012-nl.pdf'), pdf);
    {
      const { pages, total } = await readPdfText(pdf);
      expect(total).toBeGreaterThanOrEqual(6);
      pages.forEach((p) => expect(p.text).toContain(`Pagina ${p.num} / ${total}`));
      expect(pages[0].text).toMatch(/Terugblik 2012[\s\S]*Inhoud/i);
      // The contents' page numbers lead to the sections they name.
      const numbers = pages[0].text
        .split('\n')
        .slice(0, 9)
        .map((line) => Number(line.trim()));
      expect(numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= total)).toBe(true);
      const headings = [
        'Voorwoord',
        'Het jaar in het kort',
        'Hoogtepunt van het jaar',
        'De Doetanks',
        'Bijeenkomsten',
      ];
      headings.forEach((heading, i) => expect(pages[numbers[i] - 1].text).toContain(heading));
      const all = pages.map((p) => p.text).join('\n');
      for (const fact of ['Beurs van Berlage', 'KING', 'Vooruitblik op 2013', 'tot en met positie'])
        expect(all).toContain(fact);
    }
    const english = await fetch(`${api.baseUrl}/retrospectives/2012/report.pdf?lang=en`);
    const { pages } = await readPdfText(Buffer.from(await english.arrayBuffer()));
    expect(pages[0].text).toMatch(/2012 in review[\s\S]*Page 1 \//);
    expect((await api.request('GET', '/retrospectives/2012/report.pdf?format=md')).status).toBe(400);
  });

  it('screenshots every section of 2012 and 2013 in both languages', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const year of [2012, 2013]) {
      for (const lang of ['nl', 'en']) {
        await page.goto(`${api.baseUrl}/retrospectives/${year}/report?lang=${lang}`);
        await page
          .locator('header.cover')
          .screenshot({ path: join(ARTIFACTS, `report-${year}-${lang}-cover.png`) });
        const ids = await page.locator('section.section').evaluateAll((nodes) => nodes.map((n) => n.id));
        expect(ids).toEqual([
          // 2012 has a foreword (WriteForeword); 2013 has none, so no empty section.
          ...(year === 2012 ? ['voorwoord'] : []),
          'kort',
          'hoogtepunt',
          'doetanks',
          'bijeenkomsten',
          'gemeenschap',
          'partners',
          'vooruitblik',
          'cijfers',
        ]);
        for (const id of [...ids, 'colofon']) {
          const box = await page.locator(`#${id}`).boundingBox();
          expect(box!.height).toBeGreaterThan(40);
          await page
            .locator(`#${id}`)
            .screenshot({ path: join(ARTIFACTS, `report-${year}-${lang}-${id}.png`) });
        }
      }
    }
  });
});

describe('The report PDF without a Chromium', () => {
  it('answers 503 with Retry-After and a clear reason, and the HTML report still works', async () => {
    const api = await ApiHarness.start({
      env: { EMBEDDED_PROJECTOR: 'true', PUBLIC_READ: 'true', CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    try {
      const answer = await api.request('GET', '/retrospectives/2012/report.pdf');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).not.toBeNull();
      expect(answer.body.code).toBe('REPORT.PDF_UNAVAILABLE');
      expect(answer.body.detail ?? answer.body.message).toMatch(/Chromium could not be started/);
      expect((await api.request('GET', '/retrospectives/2012/report')).status).toBe(200);
    } finally {
      await api.stop();
    }
  });
});

const section = (html: string, id: string) =>
  new RegExp(`<section[^>]*id="${id}"[\\s\\S]*?</section>`).exec(html)![0];
const nl = (value: number) => new Intl.NumberFormat('nl-NL').format(value).replace('.', '\\.');
const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Waits until every projection has applied everything the demo year wrote (its head position). */
async function waitForReport(api: ApiHarness): Promise<void> {
  const token = await api.tokenFor('observer');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await fetch(`${api.baseUrl}/projections`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { projections } = (await answer.json()) as {
      projections: { position: number; headPosition: number; state: string }[];
    };
    if (
      projections.length > 0 &&
      projections.every((p) => p.state === 'live' && p.position >= p.headPosition)
    )
      return;
    if (Date.now() > deadline) throw new Error('the read models did not catch up in two minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
