import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_REPORT_TEMPLATE, loadReportTemplate, parseReportTemplate } from './report-template';
import { renderRetrospectiveHtml } from './retrospective-html.renderer';
import { editionFixture } from './testing/report-edition.fixture';

describe('The report template', () => {
  it('is the default without a file: every section, eight lead figures', () => {
    expect(loadReportTemplate(undefined)).toBe(DEFAULT_REPORT_TEMPLATE);
    expect(DEFAULT_REPORT_TEMPLATE.sections).toHaveLength(9);
  });

  it('orders and leaves out sections, chooses the lead figures and the cover words', () => {
    const template = parseReportTemplate({
      sections: ['highlight', 'brief', 'ahead'],
      leadFigures: ['membersTotalAtYearEnd', 'gatheringsHeld'],
      texts: { nl: { kicker: 'Voor het ministerie', lede: ' Het jaar van de Doetanks. ' } },
    });
    const page = renderRetrospectiveHtml(editionFixture(), 'nl', { template });
    const ids = [...page.matchAll(/<section\s+class="section[^"]*"\s+id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['hoogtepunt', 'kort', 'vooruitblik']);
    expect([...page.matchAll(/<div class="card" data-figure="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'membersTotalAtYearEnd',
      'gatheringsHeld',
    ]);
    expect(page).toContain('<p class="kicker">Voor het ministerie</p>');
    expect(page).toContain('<p class="lede">Het jaar van de Doetanks.</p>');
    // English keeps its own words.
    expect(renderRetrospectiveHtml(editionFixture(), 'en', { template })).toContain(
      'Slimmernetwerk · Annual report',
    );
  });

  it.each([
    [[], /must be a JSON object/],
    [{ sections: ['brief', 'preface'] }, /sections: "preface" is not one of foreword, brief, highlight/],
    [{ sections: ['brief', 'brief'] }, /sections names an entry twice/],
    [{ sections: [] }, /sections must be a list of 1 to 9/],
    [{ leadFigures: ['visitors'] }, /leadFigures: "visitors" is not one of/],
    [{ texts: { de: { lede: 'Hallo' } } }, /texts: "de" is not nl or en/],
    [{ texts: { nl: { title: 'x' } } }, /unknown text "title"/],
    [{ texts: { nl: { lede: '  ' } } }, /texts\.nl\.lede must be text/],
    [{ colours: {} }, /unknown field\(s\) colours/],
  ])('refuses %j, saying why', (json, message) => {
    expect(() => parseReportTemplate(json)).toThrow(message);
  });

  it('reads the documented example', () => {
    const example = loadReportTemplate(
      join(__dirname, '..', '..', '..', '..', 'docs', 'examples', 'report-template.json'),
    );
    expect(example.sections[0]).toBe('brief');
    expect(example.leadFigures).toHaveLength(4);
  });

  it('names the file when it cannot be read or is wrong, so start-up stops with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-template-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ sections: ');
    expect(() => loadReportTemplate(broken)).toThrow(
      /REPORT_TEMPLATE_FILE=.*broken\.json cannot be read as JSON/,
    );
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ sections: ['x'] }));
    expect(() => loadReportTemplate(wrong)).toThrow(/REPORT_TEMPLATE_FILE=.*wrong\.json: sections: "x"/);
    expect(() => loadReportTemplate(join(dir, 'missing.json'))).toThrow(/cannot be read/);
  });
});
