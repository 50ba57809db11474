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

export const businessTime = (occurredAt: string): BusinessTime => {
  const millis = Date.parse(occurredAt);
  const at = Number.isNaN(millis) ? occurredAt : new Date(millis).toISOString();
  const match = /^(\d{4})-(\d{2})/.exec(at);
  const year = match ? Number(match[1]) : 0;
  return { at, year, month: match ? `${match[1]}-${match[2]}` : '0000-00' };
};

/** The later of two ISO-8601 UTC times (they compare as strings). */
export const laterOf = (a: string, b: string): string => (b > a ? b : a);
