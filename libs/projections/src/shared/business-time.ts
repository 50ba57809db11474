/**
 * Business time of an event as the read models store it: `occurredAt` normalised to UTC ISO-8601 (so that string
 * order is time order), with its UTC year and `YYYY-MM` month. The API already normalises `occurredAt`; a value it
 * cannot parse is kept as it is rather than failing the projection, and its year and month come from its text.
 */
export interface BusinessTime {
  at: string;
  year: number;
  month: string;
}

/**
 * `occurredAt` already in `toISOString()` form with a day every month has (so certainly a valid date): the form the
 * API stores, and what parsing and formatting would give back unchanged.
 */
const CANONICAL = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export const businessTime = (occurredAt: string): BusinessTime => {
  const canonical = CANONICAL.exec(occurredAt);
  if (canonical) {
    return { at: occurredAt, year: Number(canonical[1]), month: `${canonical[1]}-${canonical[2]}` };
  }
  const millis = Date.parse(occurredAt);
  const at = Number.isNaN(millis) ? occurredAt : new Date(millis).toISOString();
  const match = /^(\d{4})-(\d{2})/.exec(at);
  const year = match ? Number(match[1]) : 0;
  return { at, year, month: match ? `${match[1]}-${match[2]}` : '0000-00' };
};

/** The later of two ISO-8601 UTC times (they compare as strings). */
export const laterOf = (a: string, b: string): string => (b > a ? b : a);
