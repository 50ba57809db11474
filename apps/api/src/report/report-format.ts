import type { RetrospectiveHeadlineFigure, RetrospectiveTrend } from '@app/contracts/read-models';
import { REPORT_TEXT, type ReportLanguage } from './report-text';

const numberFormats = new Map<ReportLanguage, Intl.NumberFormat>();

/** `1.234` in Dutch, `1,234` in English. */
export const formatNumber = (value: number, lang: ReportLanguage): string => {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(REPORT_TEXT[lang].locale, { maximumFractionDigits: 1 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
};

/** `22 november 2012` / `22 November 2012` (or `22 nov 2012` short), from an ISO date or date-time (UTC). */
export const formatDate = (iso: string, lang: ReportLanguage, style: 'long' | 'short' = 'long'): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const months = style === 'long' ? REPORT_TEXT[lang].monthsLong : REPORT_TEXT[lang].monthsShort;
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
};

/** Short month name of a `YYYY-MM` key: `mrt` / `Mar`. */
export const monthLabel = (monthKey: string, lang: ReportLanguage): string =>
  REPORT_TEXT[lang].monthsShort[Number(monthKey.slice(5, 7)) - 1] ?? monthKey;

/** Figures where a rise is bad news: the trend is shown, but not coloured as good. */
const LOWER_IS_BETTER: ReadonlySet<RetrospectiveHeadlineFigure> = new Set(['membersLeft', 'doetanksStopped']);

/** Below this count (in either year) a change is shown as a count, not as a percentage. */
export const PERCENT_FROM = 100;

export type TrendDirection = 'up' | 'down' | 'flat' | 'none';

export interface TrendLabel {
  /** `+12%`, `−8%`, `nieuw`, `gelijk`, or `eerste jaar` when there is no year before. */
  text: string;
  direction: TrendDirection;
  /** Whether the change is good news (for colour), null when neutral. */
  good: boolean | null;
}

const MINUS = '\u2212';

/**
 * The change against the year before as a reader says it: a percentage (`+12%`, `−8%`), `nieuw` / `new` when the
 * year before had none, `gelijk` / `unchanged` when nothing changed, `eerste jaar` / `first year` without history.
 */
export const trendLabel = (
  figure: RetrospectiveHeadlineFigure,
  trend: RetrospectiveTrend,
  lang: ReportLanguage,
  options: { inProgress?: boolean } = {},
): TrendLabel => {
  const text = REPORT_TEXT[lang].trend;
  // A year in progress is compared with nothing: "-100%" against a whole year is not a collapse.
  if (options.inProgress) return { text: text.soFar, direction: 'none', good: null };
  if (trend.previous === null || trend.change === null) {
    return { text: text.firstYear, direction: 'none', good: null };
  }
  if (trend.change === 0) return { text: text.unchanged, direction: 'flat', good: null };
  const direction = trend.change > 0 ? 'up' : 'down';
  if (trend.previous === 0) return { text: text.new, direction, good: null };
  // On small numbers a percentage shouts ("+600%" for 4 to 28): the change is given as a count, uncoloured.
  if (trend.previous < PERCENT_FROM || trend.current < PERCENT_FROM) {
    return { text: formatChange(trend.change, lang), direction, good: null };
  }
  const good = (direction === 'up') !== LOWER_IS_BETTER.has(figure);
  const percent = (trend.change / trend.previous) * 100;
  // Whole percentages, but a small change is not rounded away to "0%".
  const magnitude =
    Math.abs(percent) < 1 ? Math.round(Math.abs(percent) * 10) / 10 : Math.round(Math.abs(percent));
  return {
    text: `${trend.change > 0 ? '+' : MINUS}${formatNumber(magnitude, lang)}%`,
    direction,
    good,
  };
};

/** A signed count: `+45`, `−3`, `0`. */
export const formatChange = (change: number, lang: ReportLanguage): string =>
  change > 0 ? `+${formatNumber(change, lang)}` : change < 0 ? `${MINUS}${formatNumber(-change, lang)}` : '0';
