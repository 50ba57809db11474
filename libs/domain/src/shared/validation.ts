/** Small checks on command input that only the domain can make authoritative. */

/** True for anything that is not a string with at least one non-space character. */
export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** Trims optional text; blank text counts as absent. */
export const optionalText = (value: string | undefined): string | undefined =>
  value === undefined || isBlank(value) ? undefined : value.trim();

// Deliberately simple: scheme, a host without spaces, anything after. The API validates the full syntax.
const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

/** An absolute http or https URL. */
export const isHttpUrl = (value: unknown): boolean => typeof value === 'string' && HTTP_URL.test(value);

// Exactly the `Date.prototype.toISOString()` form: UTC, with milliseconds.
const ISO_UTC_TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * True for an ISO-8601 time in normalised form (`2012-11-22T19:00:00.000Z`).
 *
 * The domain may not use `Date` (time arrives with the command), so times are compared as strings. That is
 * only correct because the API normalises every time to `toISOString()` form (UTC, fixed width) before it
 * reaches the domain; the deciders refuse anything else instead of comparing it wrongly.
 */
export const isNormalisedIsoTime = (value: unknown): value is string =>
  typeof value === 'string' && ISO_UTC_TIMESTAMP.test(value);

/** The UTC calendar date (`YYYY-MM-DD`) of a normalised ISO time; comparable as a string. */
export const utcCalendarDate = (isoTime: string): string => isoTime.slice(0, 10);

/** The values that occur more than once, each listed once, in order of first repetition. */
export const duplicatesOf = <T>(values: readonly T[]): T[] => {
  const seen = new Set<T>();
  const duplicates = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return [...duplicates];
};

/** Case- and space-insensitive comparison key for names of people and organisations. */
export const nameKey = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase();
