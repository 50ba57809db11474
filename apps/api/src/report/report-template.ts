import { readFileSync } from 'node:fs';
import { RETROSPECTIVE_HEADLINE_FIGURES, type RetrospectiveHeadlineFigure } from '@app/contracts/read-models';
import { REPORT_LANGUAGES, type ReportLanguage } from './retrospective-report.request.dto';

/** The report's sections, as a template names them. */
export const REPORT_SECTIONS = [
  'foreword',
  'brief',
  'highlight',
  'doetanks',
  'gatherings',
  'community',
  'organisation',
  'ahead',
  'figures',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * What the coordinator decides about the report without touching code (docs/report-and-web.md, "The report's
 * template"): which sections appear and in which order, which figures lead the year in brief, and the cover's
 * words per language. The facts themselves always come from the events.
 */
export interface ReportTemplate {
  sections: readonly ReportSection[];
  leadFigures: readonly RetrospectiveHeadlineFigure[];
  texts: Partial<Record<ReportLanguage, { kicker?: string; lede?: string }>>;
}

export const DEFAULT_REPORT_TEMPLATE: ReportTemplate = {
  sections: REPORT_SECTIONS,
  leadFigures: [
    'membersTotalAtYearEnd',
    'membersJoined',
    'doetanksStarted',
    'doetanksConcluded',
    'results',
    'gatheringsHeld',
    'gatheringAttendance',
    'firstTimeAttendees',
  ],
  texts: {},
};

const MAX_TEXT = 500;

/** Checks a template as read from its JSON file; throws an Error that says what is wrong, and where. */
export function parseReportTemplate(json: unknown, source = 'the report template'): ReportTemplate {
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('must be a JSON object');
  const { sections, leadFigures, texts, ...unknown } = json as Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0) fail(`unknown field(s) ${extra.join(', ')} (allowed: sections, leadFigures, texts)`);
  const listOf = <T extends string>(
    name: string,
    value: unknown,
    allowed: readonly T[],
    max: number,
  ): T[] => {
    if (!Array.isArray(value) || value.length === 0 || value.length > max)
      return fail(`${name} must be a list of 1 to ${max} of: ${allowed.join(', ')}`);
    for (const entry of value)
      if (!(allowed as readonly unknown[]).includes(entry))
        fail(`${name}: "${String(entry)}" is not one of ${allowed.join(', ')}`);
    if (new Set(value).size !== value.length) fail(`${name} names an entry twice`);
    return value as T[];
  };
  const template: ReportTemplate = {
    sections:
      sections === undefined
        ? DEFAULT_REPORT_TEMPLATE.sections
        : listOf('sections', sections, REPORT_SECTIONS, REPORT_SECTIONS.length),
    leadFigures:
      leadFigures === undefined
        ? DEFAULT_REPORT_TEMPLATE.leadFigures
        : listOf('leadFigures', leadFigures, RETROSPECTIVE_HEADLINE_FIGURES, 8),
    texts: {},
  };
  if (texts !== undefined) {
    if (typeof texts !== 'object' || texts === null || Array.isArray(texts)) fail('texts must be an object');
    for (const [lang, words] of Object.entries(texts as Record<string, unknown>)) {
      if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) fail(`texts: "${lang}" is not nl or en`);
      if (typeof words !== 'object' || words === null || Array.isArray(words))
        fail(`texts.${lang} must be an object`);
      const entry: { kicker?: string; lede?: string } = {};
      for (const [key, value] of Object.entries(words as Record<string, unknown>)) {
        if (key !== 'kicker' && key !== 'lede')
          fail(`texts.${lang}: unknown text "${key}" (allowed: kicker, lede)`);
        if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT)
          fail(`texts.${lang}.${key} must be text of 1 to ${MAX_TEXT} characters`);
        entry[key as 'kicker' | 'lede'] = (value as string).trim();
      }
      template.texts[lang as ReportLanguage] = entry;
    }
  }
  return template;
}

/** The template in `file` (REPORT_TEMPLATE_FILE), or the default without one; read once, at start-up. */
export function loadReportTemplate(file: string | undefined): ReportTemplate {
  if (file === undefined || file === '') return DEFAULT_REPORT_TEMPLATE;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `REPORT_TEMPLATE_FILE=${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseReportTemplate(json, `REPORT_TEMPLATE_FILE=${file}`);
}
