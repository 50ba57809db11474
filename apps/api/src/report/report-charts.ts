import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { area, curveMonotoneX, line } from 'd3-shape';
import { html, trustedHtml, type SafeHtml } from './html';

/**
 * Server-side SVG charts for the retrospective: pure functions from figures to markup. d3-scale does the geometry
 * (nice value ranges, band and point positions), d3-shape the line and area paths. Each chart is an accessible
 * image: `role="img"` named by its `<title>` and described by its `<desc>`, and every bar or point carries its
 * number as visible text and as a tooltip, so nothing is only readable as a shape. Colours are attributes (not only
 * CSS), so a chart copied out of the page still looks right.
 */

export interface ChartDatum {
  label: string;
  value: number;
  /** A second, smaller line under or after the label (e.g. "45 nieuw"), also in the tooltip. */
  note?: string;
  /** More for the tooltip only (e.g. the month's events by kind). */
  detail?: string;
}

export interface ChartOptions {
  /** Unique within the page: prefixes the ids of `<title>` and `<desc>`. */
  id: string;
  title: string;
  description: string;
  /** How values are printed (thousands separators of the report's language). */
  format: (value: number) => string;
}

export const CHART_COLOURS = {
  series: ['#1f5f8b', '#e8833a', '#6b8f3a', '#8a5a9e'],
  grid: '#e3e7ec',
  track: '#eef1f5',
  axis: '#9aa5b1',
  text: '#1d2430',
  muted: '#5b6675',
} as const;

const WIDTH = 640;
/** Widest a vertical bar is drawn. */
const MAX_BAR = 64;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const round = (n: number): number => Math.round(n * 10) / 10;

/** Cuts long user text (theme titles) so it fits; the whole text stays in the tooltip. */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

const frame = (options: ChartOptions, kind: string, height: number, body: SafeHtml | SafeHtml[]): SafeHtml =>
  html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="chart chart-${kind}"
    data-chart="${options.id}"
    role="img"
    aria-labelledby="${options.id}-title ${options.id}-desc"
    viewBox="0 0 ${WIDTH} ${height}"
    width="${WIDTH}"
    height="${height}"
    font-family="${FONT}"
    font-size="12"
    fill="${CHART_COLOURS.text}"
  >
    <title id="${options.id}-title">${options.title}</title>
    <desc id="${options.id}-desc">${options.description}</desc>
    ${body}
  </svg>`;

const tooltip = (datum: ChartDatum, options: ChartOptions): string => {
  const more = [datum.note, datum.detail].filter(Boolean).join('; ');
  return `${datum.label}: ${options.format(datum.value)}${more ? ` (${more})` : ''}`;
};

/** Counts have whole ticks only: a chart of zeros or ones gets no "0.5" line. */
const wholeTicks = (y: { ticks(count: number): number[] }): number[] => y.ticks(4).filter(Number.isInteger);

const maxOf = (values: readonly number[]): number => Math.max(1, ...values);

type Margin = { top: number; right: number; bottom: number; left: number };

/** The y axis of counts: from zero (at the plot's bottom) to a round value above the largest. */
const valueScale = (values: readonly number[], height: number, margin: Margin) =>
  scaleLinear()
    .domain([0, maxOf(values)])
    .nice()
    .range([height - margin.bottom, margin.top]);

/** One band per datum (or group) across the plot. */
const bands = (count: number, margin: Margin, padding: { inner: number; outer: number }) =>
  scaleBand<number>()
    .domain(Array.from({ length: count }, (_, i) => i))
    .range([margin.left, WIDTH - margin.right])
    .paddingInner(padding.inner)
    .paddingOuter(padding.outer);

/** A column from the baseline up to its value, with its tooltip, and its number written above it. */
const column = (bar: {
  left: number;
  width: number;
  top: number;
  baseline: number;
  value: number;
  series: number;
  tooltip: string;
  format: (value: number) => string;
  fontSize: number;
}): SafeHtml =>
  html`<rect
      class="bar"
      data-series="${bar.series}"
      data-value="${bar.value}"
      x="${bar.left}"
      y="${bar.top}"
      width="${bar.width}"
      height="${round(bar.baseline - bar.top)}"
      rx="2"
      fill="${CHART_COLOURS.series[bar.series % CHART_COLOURS.series.length]}"
      ><title>${bar.tooltip}</title></rect
    >${valueAbove(round(bar.left + bar.width / 2), round(bar.top - 6), bar.format(bar.value), bar.fontSize)}`;

/** A datum's number, centred above its bar or point. */
const valueAbove = (x: number, y: number, text: string, fontSize: number): SafeHtml =>
  html`<text class="value" x="${x}" y="${y}" text-anchor="middle" font-size="${fontSize}" font-weight="600"
    >${text}</text
  >`;

/** What a column (or a group of them) stands for, under the baseline, with its note below. */
const labelUnder = (
  centre: number,
  baseline: number,
  text: { label: string; note?: string; fontSize: number; bold?: boolean },
): SafeHtml =>
  html`<text
      class="label"
      x="${centre}"
      y="${round(baseline + text.fontSize + 5)}"
      text-anchor="middle"
      font-size="${text.fontSize}"
      font-weight="${text.bold ? 600 : 400}"
      >${text.label}</text
    >${text.note ? html`<text class="note" x="${centre}" y="${round(baseline + text.fontSize + 20)}" text-anchor="middle" font-size="11" fill="${CHART_COLOURS.muted}">${text.note}</text>` : ''}`;

/** Vertical bars, one per datum, with the value above each bar and the label under it (funnel, months). */
export const columnChart = (
  options: ChartOptions & { data: readonly ChartDatum[]; height?: number },
): SafeHtml => {
  const height = options.height ?? 240;
  const hasNotes = options.data.some((d) => d.note);
  const margin = { top: 22, right: 8, bottom: hasNotes ? 42 : 28, left: 8 };
  const x = bands(options.data.length, margin, { inner: 0.28, outer: 0.12 });
  const y = valueScale(
    options.data.map((d) => d.value),
    height,
    margin,
  );
  const baseline = y(0);
  // Few bars would be fat slabs: keep them slender and centred in their band.
  const width = round(Math.min(x.bandwidth(), MAX_BAR));
  const inset = (x.bandwidth() - width) / 2;
  const fontSize = width < 36 ? 11 : 12;
  const bars = options.data.map((datum, i) => {
    const left = round((x(i) ?? 0) + inset);
    const top = round(y(Math.max(0, datum.value)));
    const bar = {
      left,
      width,
      top,
      baseline,
      value: datum.value,
      series: 0,
      format: options.format,
      fontSize,
    };
    return html`<g class="datum"
      >${column({ ...bar, tooltip: tooltip(datum, options) })}${labelUnder(
        round(left + width / 2),
        baseline,
        {
          label: datum.label,
          note: datum.note,
          fontSize,
        },
      )}</g
    >`;
  });
  const axis = baselineAxis(margin, baseline);
  return frame(options, 'columns', height, [gridLines(y, margin.left, WIDTH - margin.right), ...bars, axis]);
};

/** The zero line under columns, across the plot. */
const baselineAxis = (margin: { left: number; right: number }, baseline: number): SafeHtml =>
  html`<line
    class="baseline"
    x1="${margin.left}"
    x2="${WIDTH - margin.right}"
    y1="${round(baseline)}"
    y2="${round(baseline)}"
    stroke="${CHART_COLOURS.axis}"
  />`;

/**
 * Horizontal bars, one row per datum: the label above its bar (so long theme titles fit), the value and note in a
 * column right of the bars (sector and role mix, themes, result kinds).
 */
export const barChart = (options: ChartOptions & { data: readonly ChartDatum[] }): SafeHtml => {
  const rowHeight = 40;
  // The bars run on a light track of the full scale; values and notes stand in a column right of it.
  const TRACK = WIDTH - 150;
  const height = Math.max(1, options.data.length) * rowHeight + 4;
  const x = scaleLinear()
    .domain([0, maxOf(options.data.map((d) => d.value))])
    .range([0, TRACK]);
  const rows = options.data.map((datum, i) => {
    const top = i * rowHeight;
    const barWidth = round(Math.max(0, x(Math.max(0, datum.value))));
    return html`<g class="datum"
      ><text class="label" x="0" y="${top + 14}" font-size="13">${truncate(datum.label, 90)}</text
      ><rect
        class="track"
        x="0"
        y="${top + 20}"
        width="${TRACK}"
        height="14"
        rx="2"
        fill="${CHART_COLOURS.track}"
      /><rect
        class="bar"
        data-value="${datum.value}"
        x="0"
        y="${top + 20}"
        width="${barWidth}"
        height="14"
        rx="2"
        fill="${CHART_COLOURS.series[0]}"
        ><title>${tooltip(datum, options)}</title></rect
      ><text class="value" x="${TRACK + 10}" y="${top + 31.5}" font-size="12"
        ><tspan font-weight="600">${options.format(datum.value)}</tspan
        >${datum.note ? html`<tspan class="note" fill="${CHART_COLOURS.muted}" dx="6">${datum.note}</tspan>` : ''}</text
      ></g
    >`;
  });
  return frame(options, 'bars', height, rows);
};

export interface ChartGroup {
  label: string;
  note?: string;
  /** One value per series, in the order of `series`. */
  values: readonly number[];
}

/** Groups of vertical bars, one bar per series in each group, with a legend (gatherings by kind). */
export const groupedColumnChart = (
  options: ChartOptions & { groups: readonly ChartGroup[]; series: readonly string[]; height?: number },
): SafeHtml => {
  const height = options.height ?? 270;
  const margin = { top: 48, right: 8, bottom: 44, left: 8 };
  const x0 = bands(options.groups.length, margin, { inner: 0.22, outer: 0.08 });
  // The bars of a group stand together, centred in the group's band, however wide the band is.
  const groupWidth = Math.min(x0.bandwidth(), options.series.length * MAX_BAR * 1.1);
  const groupInset = (x0.bandwidth() - groupWidth) / 2;
  const x1 = scaleBand<number>()
    .domain(options.series.map((_, i) => i))
    .range([groupInset, groupInset + groupWidth])
    .paddingInner(0.08);
  const y = valueScale(
    options.groups.flatMap((g) => g.values),
    height,
    margin,
  );
  const baseline = y(0);
  const legend = options.series.map((name, s) => {
    const left = margin.left + s * 170;
    return html`<g class="legend-item"
      ><rect
        x="${left}"
        y="6"
        width="12"
        height="12"
        rx="2"
        fill="${CHART_COLOURS.series[s % CHART_COLOURS.series.length]}"
      /><text x="${left + 18}" y="16" font-size="12">${name}</text></g
    >`;
  });
  const groups = options.groups.map((group, g) => {
    const groupLeft = x0(g) ?? 0;
    const centre = round(groupLeft + x0.bandwidth() / 2);
    const bars = options.series.map((name, s) => {
      const value = group.values[s] ?? 0;
      const top = round(y(Math.max(0, value)));
      return column({
        left: round(groupLeft + (x1(s) ?? 0)),
        width: round(x1.bandwidth()),
        top,
        baseline,
        value,
        series: s,
        tooltip: `${group.label}, ${name}: ${options.format(value)}`,
        format: options.format,
        fontSize: 12,
      });
    });
    return html`<g class="group"
      >${bars}${labelUnder(centre, baseline, { label: group.label, note: group.note, fontSize: 13, bold: true })}</g
    >`;
  });
  const axis = baselineAxis(margin, baseline);
  return frame(options, 'grouped', height, [
    ...legend,
    gridLines(y, margin.left, WIDTH - margin.right),
    ...groups,
    axis,
  ]);
};

/** A line with a point and its value per datum over a y axis from zero (member growth per month). */
export const lineChart = (
  options: ChartOptions & { data: readonly ChartDatum[]; height?: number },
): SafeHtml => {
  const height = options.height ?? 250;
  const margin = { top: 24, right: 16, bottom: 28, left: 48 };
  const x = scalePoint<number>()
    .domain(options.data.map((_, i) => i))
    .range([margin.left, WIDTH - margin.right])
    .padding(0.3);
  const y = valueScale(
    options.data.map((d) => d.value),
    height,
    margin,
  );
  const points: [number, number][] = options.data.map((d, i) => [round(x(i) ?? 0), round(y(d.value))]);
  const path = line().curve(curveMonotoneX)(points) ?? '';
  const fill = area().curve(curveMonotoneX).y0(y(0))(points) ?? '';
  const ticks = wholeTicks(y).map(
    (tick) =>
      html`<text
        class="tick"
        x="${margin.left - 8}"
        y="${round(y(tick) + 4)}"
        text-anchor="end"
        font-size="11"
        fill="${CHART_COLOURS.muted}"
        >${options.format(tick)}</text
      >`,
  );
  const dots = options.data.map((datum, i) => {
    const [cx, cy] = points[i];
    return html`<g class="datum"
      ><circle
        class="point"
        data-value="${datum.value}"
        cx="${cx}"
        cy="${cy}"
        r="4"
        fill="#fff"
        stroke="${CHART_COLOURS.series[0]}"
        stroke-width="2"
        ><title>${tooltip(datum, options)}</title></circle
      >${valueAbove(cx, round(cy - 10), options.format(datum.value), 11)}<text
        class="label"
        x="${cx}"
        y="${height - 8}"
        text-anchor="middle"
        font-size="12"
        >${datum.label}</text
      ></g
    >`;
  });
  return frame(options, 'line', height, [
    gridLines(y, margin.left, WIDTH - margin.right),
    ...ticks,
    html`<path class="area" d="${fill}" fill="${CHART_COLOURS.series[0]}" fill-opacity="0.1" />`,
    html`<path
      class="line"
      d="${path}"
      fill="none"
      stroke="${CHART_COLOURS.series[0]}"
      stroke-width="2.5"
      stroke-linejoin="round"
    />`,
    ...dots,
  ]);
};

const gridLines = (
  y: { ticks(count: number): number[]; (value: number): number },
  from: number,
  to: number,
): SafeHtml =>
  trustedHtml(
    wholeTicks(y)
      .filter((tick) => tick > 0)
      .map(
        (tick) =>
          `<line class="grid" x1="${from}" x2="${to}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="${CHART_COLOURS.grid}"/>`,
      )
      .join(''),
  );
