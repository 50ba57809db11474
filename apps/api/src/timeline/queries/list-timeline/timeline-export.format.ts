import type { TimelineItemDto } from './list-timeline.response.dto';

/** The CSV's columns: the entry's facts and its summary (the ids are the API's own, as in `GET /timeline`). */
export const CSV_COLUMNS = [
  'id',
  'position',
  'occurredAt',
  'type',
  'kind',
  'doetankId',
  'gatheringId',
  'themeIds',
  'summary',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a spreadsheet would
 * take for a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading apostrophe, as
 * OWASP's "CSV Injection" advice has it: a summary names what members typed.
 */
export function csvField(value: unknown): string {
  let text =
    value === undefined || value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (): string => `${CSV_COLUMNS.join(',')}\r\n`;

export const csvRow = (item: TimelineItemDto): string =>
  `${CSV_COLUMNS.map((column) => csvField((item as unknown as Record<string, unknown>)[column])).join(',')}\r\n`;

export const ndjsonRow = (item: TimelineItemDto): string => `${JSON.stringify(item)}\n`;
