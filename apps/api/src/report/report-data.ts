import { RETROSPECTIVE_ACTIVITY_KINDS, type Retrospective } from '@app/contracts/read-models';
import { GATHERING_KINDS, MEMBER_ROLES, RESULT_KINDS, SECTORS } from '@app/contracts/vocabulary';
import type { ChartDatum, ChartGroup } from './report-charts';
import { formatNumber, monthLabel } from './report-format';
import { REPORT_TEXT, type ReportLanguage } from './report-text';

/**
 * What each chart and table of the report shows, taken from the report model once, so that the HTML (charts) and
 * the Markdown (tables) say the same thing.
 */

/** Active members at the end of each month (12 points). */
export const memberGrowthData = (report: Retrospective, lang: ReportLanguage): ChartDatum[] =>
  report.memberGrowthPerMonth.map((month) => ({
    label: monthLabel(month.month, lang),
    value: month.total,
    detail: `${month.change >= 0 ? '+' : ''}${formatNumber(month.change, lang)}`,
  }));

/** Members per sector at the end of the year, largest first; the note says how many joined this year. */
export const sectorData = (report: Retrospective, lang: ReportLanguage): ChartDatum[] => {
  const text = REPORT_TEXT[lang];
  return SECTORS.map((sector, order) => ({ sector, order, ...report.members.bySector[sector] }))
    .sort((a, b) => b.totalAtYearEnd - a.totalAtYearEnd || a.order - b.order)
    .map((entry) => ({
      label: text.sectors[entry.sector],
      value: entry.totalAtYearEnd,
      note: text.charts.joinedThisYear(formatNumber(entry.joined, lang)),
    }));
};

/** Members per role at the end of the year, in the vocabulary's order. */
export const roleData = (report: Retrospective, lang: ReportLanguage): ChartDatum[] => {
  const text = REPORT_TEXT[lang];
  return MEMBER_ROLES.map((role) => ({
    label: text.roles[role],
    value: report.members.byRole[role].totalAtYearEnd,
    note: text.charts.joinedThisYear(formatNumber(report.members.byRole[role].joined, lang)),
  }));
};

/** The funnel: proposed, started, concluded, stopped in the year; running at its end. */
export const funnelData = (report: Retrospective, lang: ReportLanguage): ChartDatum[] => {
  const { funnel } = REPORT_TEXT[lang];
  const { doetanks } = report;
  return [
    { label: funnel.proposed, value: doetanks.proposed },
    { label: funnel.started, value: doetanks.started },
    { label: funnel.concluded, value: doetanks.concluded },
    { label: funnel.stopped, value: doetanks.stopped },
    { label: funnel.active, value: doetanks.activeAtYearEnd },
  ];
};

/** Doetanks per theme of the year, in the order the themes were defined. */
export const themeData = (report: Retrospective): ChartDatum[] =>
  report.themes.map((theme) => ({ label: theme.title, value: theme.doetanks }));

export const resultKindData = (report: Retrospective, lang: ReportLanguage): ChartDatum[] =>
  RESULT_KINDS.map((kind) => ({
    label: REPORT_TEXT[lang].resultKinds[kind],
    value: report.results.byKind[kind],
  }));

/** Per kind of gathering: attendance and first-time attendees (the series), with the number held as a note. */
export const gatheringGroups = (report: Retrospective, lang: ReportLanguage): ChartGroup[] => {
  const text = REPORT_TEXT[lang];
  return GATHERING_KINDS.map((kind) => {
    const figures = report.gatherings.byKind[kind];
    return {
      label: text.gatheringKinds[kind],
      note: text.charts.gatherings.held(figures.held),
      values: [figures.attendance, figures.firstTimeAttendees],
    };
  });
};

export const gatheringSeries = (lang: ReportLanguage): string[] => [
  REPORT_TEXT[lang].charts.gatherings.attendance,
  REPORT_TEXT[lang].charts.gatherings.firstTimers,
];

/** Events per month; the tooltip breaks each month down by part of the network. */
export const activityData = (report: Retrospective, lang: ReportLanguage): ChartDatum[] => {
  const text = REPORT_TEXT[lang];
  return report.activityPerMonth.map((month) => ({
    label: monthLabel(month.month, lang),
    value: month.events,
    detail: RETROSPECTIVE_ACTIVITY_KINDS.filter((kind) => month.byKind[kind] > 0)
      .map((kind) => `${text.activityKinds[kind]} ${formatNumber(month.byKind[kind], lang)}`)
      .join(', '),
  }));
};
