/** Dates, names and links as the page shows them. */
import { state, t } from './state.js';

/** The page's language as `Intl` names it. */
const locale = () => (state.lang === 'nl' ? 'nl-NL' : 'en-GB');

/**
 * A month's name in the page's language (`februari`, `February`), as the browser's own calendar data has it.
 * @param {number} index 0 for January
 */
export const monthName = (index) =>
  new Intl.DateTimeFormat(locale(), { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, index, 1));

/**
 * `1 februari 2012` (UTC, the business time's own zone), with `, 10:00 UTC` when `withTime`.
 * @param {string} iso
 * @param {boolean} [withTime]
 */
export function formatDate(iso, withTime) {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  const text = `${date.getUTCDate()} ${monthName(date.getUTCMonth())} ${date.getUTCFullYear()}`;
  if (!withTime) return text;
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${text}, ${hh}:${mm} UTC`;
}

/**
 * `1 februari 2012 om 11:00 CET`: a moment as it was on the clocks in the Netherlands (the API keeps UTC).
 * @param {string} iso
 */
export function formatLocalTime(iso) {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/**
 * A member's name, "forgotten member", "system", or the neutral "a member" where the name is not known to this
 * reader (anonymous readers never see names): never a piece of the id.
 * @param {string | undefined} id
 */
export function memberName(id) {
  if (!id) return '';
  if (id === 'system') return t().system;
  const known = state.names[id];
  if (known === null) return t().forgotten;
  return known || t().aMember;
}

/**
 * Who recorded an event: a name as `memberName` gives it, or "someone" where the name is not known (an actor need
 * not be a member: a coordinator, an import).
 * @param {string | undefined} id
 */
export function actorName(id) {
  if (id && id !== 'system' && state.names[id] === undefined) return t().someone;
  return memberName(id);
}

/** @param {string} id */
export function doetankTitle(id) {
  const found = state.doetanks.find((d) => d.id === id);
  return found ? found.title : null;
}

/**
 * The link when it is http(s), else null: a member's link is never followed as `javascript:` or `data:`.
 * @param {string} link
 */
export function safeHttpUrl(link) {
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
