import { barChart, columnChart, groupedColumnChart, lineChart, truncate } from './report-charts';

const format = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
/** What every chart is given besides its data, where the test is not about the title and description. */
const options = (id: string) => ({ id, title: 't', description: 'd', format });
const count = (markup: string, pattern: RegExp) => (markup.match(pattern) ?? []).length;
const bars = (svg: string) => count(svg, /<rect\s+class="bar"/g);
const points = (svg: string) => count(svg, /<circle\s+class="point"/g);
const texts = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<text[^>]*class="${cls}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1].trim());

describe('Report charts', () => {
  describe('every chart', () => {
    const charts = {
      columns: columnChart({
        id: 'c1',
        title: 'Titel',
        description: 'Uitleg',
        format,
        data: [{ label: 'a', value: 1 }],
      }),
      bars: barChart({
        id: 'c2',
        title: 'Titel',
        description: 'Uitleg',
        format,
        data: [{ label: 'a', value: 1 }],
      }),
      grouped: groupedColumnChart({
        id: 'c3',
        title: 'Titel',
        description: 'Uitleg',
        format,
        groups: [{ label: 'a', values: [1, 2] }],
        series: ['x', 'y'],
      }),
      line: lineChart({
        id: 'c4',
        title: 'Titel',
        description: 'Uitleg',
        format,
        data: [{ label: 'a', value: 1 }],
      }),
    };

    it.each(Object.entries(charts))(
      'is an accessible image named by its title and description (%s)',
      (_, svg) => {
        const id = /data-chart="([^"]+)"/.exec(svg.markup)![1];
        expect(svg.markup).toMatch(/^<svg[^>]*\srole="img"/);
        expect(svg.markup).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
        expect(svg.markup).toContain(`<title id="${id}-title">Titel</title>`);
        expect(svg.markup).toContain(`<desc id="${id}-desc">Uitleg</desc>`);
        expect(svg.markup).toMatch(/viewBox="0 0 640 \d+"/);
      },
    );
  });

  describe('columnChart', () => {
    const data = [
      { label: 'Voorgesteld', value: 12 },
      { label: 'Gestart', value: 9 },
      { label: 'Afgerond', value: 0 },
      { label: 'Actief', value: 1250 },
    ];
    const svg = columnChart({ id: 'funnel', title: 'Trechter', description: 'd', format, data }).markup;

    it('draws one bar per datum, a zero as an empty bar on the baseline', () => {
      expect(bars(svg)).toBe(4);
      expect(svg).toMatch(/data-value="0"[^>]*height="0"/);
    });

    it('prints every value and label as text, in the language’s number format', () => {
      expect(texts(svg, 'value')).toEqual(['12', '9', '0', '1.250']);
      expect(texts(svg, 'label')).toEqual(['Voorgesteld', 'Gestart', 'Afgerond', 'Actief']);
    });

    it('gives each bar a tooltip with its label, value, note and detail', () => {
      const withNote = columnChart({
        ...options('x'),
        data: [{ label: 'mrt', value: 3, note: 'n', detail: 'leden 2' }],
      }).markup;
      expect(withNote).toContain('<title>mrt: 3 (n; leden 2)</title>');
    });

    it('scales the tallest bar to the top of a rounded range', () => {
      const heights = [...svg.matchAll(/class="bar"[\s\S]*?height="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(Math.max(...heights)).toBe(heights[3]);
      expect(heights[0]).toBeLessThan(heights[3] / 50);
    });
  });

  describe('barChart', () => {
    it('draws one row per datum with its label above the bar and value and note beside it', () => {
      const svg = barChart({
        ...options('sectors'),
        data: [
          { label: 'Gemeente', value: 352, note: '170 nieuw' },
          { label: 'Rijk', value: 118, note: '60 nieuw' },
        ],
      }).markup;
      expect(bars(svg)).toBe(2);
      expect(texts(svg, 'label')).toEqual(['Gemeente', 'Rijk']);
      expect(svg).toMatch(
        /<tspan font-weight="600">352<\/tspan\s*>\s*<tspan class="note"[^>]*>170 nieuw<\/tspan>/,
      );
    });

    it('cuts a very long label but keeps it whole in the tooltip', () => {
      const title = 'Een thema met een bijzonder lange titel '.repeat(4).trim();
      const svg = barChart({
        ...options('t'),
        data: [{ label: title, value: 2 }],
      }).markup;
      expect(texts(svg, 'label')[0]).toBe(truncate(title, 90));
      expect(texts(svg, 'label')[0].endsWith('…')).toBe(true);
      expect(svg).toContain(`<title>${title}: 2</title>`);
    });
  });

  describe('groupedColumnChart', () => {
    const svg = groupedColumnChart({
      ...options('gatherings'),
      series: ['Bezoekers', 'Voor het eerst'],
      groups: [
        { label: 'Café', note: '5 bijeenkomsten', values: [212, 118] },
        { label: 'Grand Café', note: '1 bijeenkomst', values: [104, 61] },
        { label: 'Masterclass', note: '2 bijeenkomsten', values: [96, 54] },
      ],
    }).markup;

    it('draws a bar per series in every group, coloured by series, with a legend', () => {
      expect(bars(svg)).toBe(6);
      expect(count(svg, /data-series="0"/g)).toBe(3);
      expect(count(svg, /data-series="1"/g)).toBe(3);
      expect(count(svg, /class="legend-item"/g)).toBe(2);
      expect(svg).toContain('>Voor het eerst</text>');
    });

    it('labels the groups with their notes and every bar with its value', () => {
      expect(texts(svg, 'label')).toEqual(['Café', 'Grand Café', 'Masterclass']);
      expect(texts(svg, 'note')).toEqual(['5 bijeenkomsten', '1 bijeenkomst', '2 bijeenkomsten']);
      expect(texts(svg, 'value')).toEqual(['212', '118', '104', '61', '96', '54']);
      expect(svg).toContain('<title>Grand Café, Voor het eerst: 61</title>');
    });
  });

  describe('lineChart', () => {
    const data = ['jan', 'feb', 'mrt'].map((label, i) => ({ label, value: 400 + i * 25 }));
    const svg = lineChart({ ...options('growth'), data }).markup;

    it('draws a point with its value per datum, joined by a line over a shaded area', () => {
      expect(points(svg)).toBe(3);
      expect(texts(svg, 'value')).toEqual(['400', '425', '450']);
      expect(texts(svg, 'label')).toEqual(['jan', 'feb', 'mrt']);
      expect(svg).toMatch(/<path\s+class="line"\s+d="M[\d.,]+C/);
      expect(svg).toMatch(/<path\s+class="area"/);
    });

    it('puts the y axis at zero with whole ticks', () => {
      expect(texts(svg, 'tick')[0]).toBe('0');
      expect(texts(svg, 'tick').every((t) => /^[\d.]+$/.test(t))).toBe(true);
      const zeros = lineChart({
        ...options('z'),
        data: [{ label: 'jan', value: 0 }],
      }).markup;
      expect(texts(zeros, 'tick')).toEqual(['0', '1']);
    });
  });

  it('escapes text from members in labels, notes and titles', () => {
    const evil = '<script>alert("x")</script>';
    const svg = barChart({
      id: 'themes',
      title: evil,
      description: evil,
      format,
      data: [{ label: evil, value: 1, note: evil }],
    }).markup;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
