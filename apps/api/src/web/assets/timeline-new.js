/**
 * Entries recorded while the timeline is open (live updates, `live.js`), shown where they belong under the
 * timeline's own filters (words, kind, type, year, period, Doetank, member, theme): the API is asked for them with
 * those filters, so an entry outside them never shows. Newest first, a new entry goes on top (or in its place, when
 * its business time lies earlier). Oldest first, new entries belong at the end: they are added there once the last
 * page is shown; before that a note says how many there are, with a link to the same filters newest first.
 */
import { getTimeline } from './api.js';
import { $, clear, el } from './dom.js';
import { PAGE, state, t } from './state.js';
import { entryItem, monthItem, monthOf, showStatus } from './timeline.js';
import { timelineHash } from './url-filters.js';

/** @import { TimelineEntry } from './api.js' */

/**
 * Whether `entry` is listed before the entry shown as `node` in this order (business time, then position).
 * @param {TimelineEntry} entry
 * @param {Element} node
 * @param {boolean} oldest
 */
function listedBefore(entry, node, oldest) {
  const time = Date.parse(entry.occurredAt);
  const nodeTime = Date.parse(node.querySelector('time')?.getAttribute('datetime') || '');
  const later =
    time > nodeTime || (time === nodeTime && entry.position > Number(node.getAttribute('data-position')));
  return oldest ? !later : later;
}

/**
 * Puts an entry in its place among those shown, with its month's heading when its month has none there yet.
 * Returns false when its place lies beyond the last entry shown while more pages follow: "Meer laden" brings it.
 * @param {TimelineEntry} entry
 * @param {boolean} oldest
 */
function place(entry, oldest) {
  const list = $('timeline');
  const shown = [...list.querySelectorAll('li.entry')];
  const next = shown.find((node) => listedBefore(entry, node, oldest));
  if (!next && state.cursor) return false;
  const previous = next ? shown[shown.indexOf(next) - 1] : shown[shown.length - 1];
  const month = monthOf(entry);
  const item = entryItem(entry, t().kindOne[entry.kind] || entry.kind);
  if (next && next.getAttribute('data-month') === month) list.insertBefore(item, next);
  else if (previous && previous.getAttribute('data-month') === month) previous.after(item);
  else {
    // A month of its own, between the previous entry and the next one's heading (or at the end).
    const at = next ? /** @type {Element} */ (next.previousElementSibling) : null;
    list.insertBefore(monthItem(month), at);
    list.insertBefore(item, at);
  }
  if (!next) state.lastMonth = month;
  state.count++;
  return true;
}

/** Says how many new entries wait at the end of an oldest-first list, with the way to see them first. */
function showUnseen() {
  const note = $('timeline-new');
  clear(note);
  note.hidden = state.unseen === 0;
  if (!state.unseen) return;
  note.append(
    `${t().newEntries(state.unseen)} `,
    el('a', { href: timelineHash({ ...state.filters, order: '' }), text: t().newestFirstLink }),
  );
}

/**
 * The timeline's entries recorded since `since` (the position the page had heard), read as of `position`.
 * @param {number} since
 * @param {number} position
 */
export function showNewEntries(since, position) {
  if ($('timeline-view').hidden || state.total === null) return;
  const request = state.request;
  const oldest = state.filters.order === 'oldest';
  // The newest entries under the same filters: what was recorded since is among them (its business time is now,
  // unless it imports history, which then takes its own place further down).
  const params = Object.assign({}, state.filters, {
    order: '',
    limit: PAGE,
    lang: state.lang,
    minPosition: position,
  });
  getTimeline(params)
    .then((page) => {
      if (request !== state.request) return;
      const list = $('timeline');
      const fresh = page.items.filter(
        (entry) => entry.position > since && !list.querySelector(`li.entry[data-id="${entry.id}"]`),
      );
      if (!fresh.length) return;
      // The oldest first: each is placed among those shown before it.
      fresh.reverse().forEach((entry) => {
        if (state.total !== null) state.total++;
        if (!place(entry, oldest) && oldest) state.unseen++;
      });
      showUnseen();
      showStatus();
    })
    .catch(() => {
      /* the next move tries again */
    });
}
