/**
 * The timeline (`#/`): `GET /timeline` with the filters, newest first, grouped by month, a page at a time ("Meer
 * laden" follows the cursor). Every entry about a Doetank links to its page.
 */
import { getTimeline, needsToken, query } from './api.js';
import { $, clear, el } from './dom.js';
import { loadFilterOptions } from './filters.js';
import { doetankTitle, formatDate, monthName } from './format.js';
import { renderReportLinks } from './report-links.js';
import { PAGE, state, t } from './state.js';
import { tokenPrompt } from './token-prompt.js';

/** @import { TimelineEntry } from './api.js' */

/** Starts the list again from its first page (the filters or the language changed). */
export function resetTimeline() {
  state.cursor = null;
  state.count = 0;
  state.total = null;
  state.lastMonth = null;
  state.unseen = 0;
  $('timeline-new').hidden = true;
  clear($('timeline'));
  // The export links carry the same filters (anonymous: the file names no members, as the list does not).
  ['csv', 'ndjson'].forEach((format) => {
    $(`export-${format}`).setAttribute(
      'href',
      `/timeline/export${query(Object.assign({ format, lang: state.lang }, state.filters))}`,
    );
  });
  loadTimeline();
}

/** Appends the next page. */
export function loadTimeline() {
  const request = ++state.request;
  const more = /** @type {HTMLButtonElement} */ ($('load-more'));
  const status = $('timeline-status');
  more.disabled = true;
  status.textContent = t().loading;
  // The first page also asks how many entries the filters match in all.
  const params = Object.assign(
    {
      limit: PAGE,
      lang: state.lang,
      cursor: state.cursor,
      total: state.cursor ? null : 'true',
      // As the page's own last write left it (read your writes): a gathering just recorded is listed.
      minPosition: state.cursor ? null : state.lastWrite || null,
    },
    state.filters,
  );
  return getTimeline(params)
    .then((page) => {
      if (request !== state.request) return;
      page.items.forEach(appendEntry);
      if (typeof page.total === 'number') state.total = page.total;
      state.cursor = page.nextCursor || null;
      more.hidden = !state.cursor;
      more.disabled = false;
      // The last page lists whatever was recorded since the first was read: nothing more waits beyond it.
      if (!state.cursor) {
        state.unseen = 0;
        $('timeline-new').hidden = true;
      }
      showStatus();
      renderReportLinks();
    })
    .catch((error) => {
      if (request !== state.request) return;
      more.disabled = false;
      if (needsToken(error)) {
        status.textContent = '';
        status.appendChild(
          tokenPrompt(t().tokenNeeded, error, () => {
            loadFilterOptions();
            resetTimeline();
          }),
        );
        return;
      }
      status.textContent = t().failed + error.message;
    });
}

/** The status line: how many entries are shown, of how many the filters match; "that was all" on the last page. */
export function showStatus() {
  const shown = state.total === null ? t().shown(state.count) : t().shownOf(state.count, state.total);
  $('timeline-status').textContent =
    state.count === 0 ? t().empty : shown + (state.cursor ? '' : ` · ${t().end}`);
}

/** @param {string} month `YYYY-MM` */
export function monthItem(month) {
  const monthIndex = Number(month.slice(5, 7)) - 1;
  return el('li', {
    className: 'month',
    'aria-hidden': 'true',
    text: `${monthName(monthIndex)} ${month.slice(0, 4)}`,
  });
}

/** The month an entry is listed under (`YYYY-MM`). @param {TimelineEntry} entry */
export const monthOf = (entry) => entry.month || entry.occurredAt.slice(0, 7);

/** @param {TimelineEntry} entry */
function appendEntry(entry) {
  const list = $('timeline');
  // A page that follows entries shown live may list one of them again.
  if (list.querySelector(`li.entry[data-id="${entry.id}"]`)) return;
  const month = monthOf(entry);
  if (month !== state.lastMonth) {
    state.lastMonth = month;
    list.appendChild(monthItem(month));
  }
  if (entry.year && !state.years.includes(entry.year)) state.years.push(entry.year);
  list.appendChild(entryItem(entry, t().kindOne[entry.kind] || entry.kind));
  state.count++;
}

/**
 * One entry as the lists show it: its date, a badge, the summary, and a link to its Doetank's page.
 * @param {TimelineEntry} entry
 * @param {string} badge
 */
export function entryItem(entry, badge) {
  const title = entry.doetankId ? entry.details?.doetankTitle || doetankTitle(entry.doetankId) : null;
  return el(
    'li',
    {
      className: `entry kind-${entry.kind}`,
      'data-kind': entry.kind,
      'data-type': entry.type,
      'data-doetank': entry.doetankId || null,
      'data-id': entry.id,
      'data-month': monthOf(entry),
      'data-position': entry.position,
    },
    [
      el('time', { datetime: entry.occurredAt, text: formatDate(entry.occurredAt) }),
      el('span', { className: 'badge', text: badge }),
      el('p', { className: 'summary', text: entry.summary }),
      entry.doetankId
        ? el('a', {
            className: 'doetank-link',
            href: `#/doetanks/${entry.doetankId}`,
            text: `${title || t().doetank} →`,
          })
        : null,
    ],
  );
}
