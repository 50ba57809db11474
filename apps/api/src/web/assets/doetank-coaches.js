/**
 * A Doetank's coaches over time, on its page: the timeline's `CoachAssigned` entries about it, oldest first. The
 * server writes their summaries with names for readers allowed to see them and "een lid" / "a member" for others.
 */
import { getTimeline } from './api.js';
import { el } from './dom.js';
import { formatDate } from './format.js';
import { state, t } from './state.js';

/**
 * Adds the section before `before` once the entries are read (nothing when the Doetank never had a coach).
 * @param {HTMLElement} before
 * @param {string} doetankId
 */
export function appendCoachHistory(before, doetankId) {
  return getTimeline({
    doetank: doetankId,
    type: 'CoachAssigned',
    order: 'oldest',
    limit: 100,
    lang: state.lang,
  })
    .then((page) => {
      if (page.items.length === 0 || !before.isConnected) return;
      before.before(
        el('section', { className: 'coach-history', 'aria-labelledby': 'coach-history-title' }, [
          el('h2', { id: 'coach-history-title', text: t().coachHistory }),
          el(
            'ol',
            { id: 'coach-history' },
            page.items.map((entry) =>
              el('li', { 'data-id': entry.id }, [
                el('time', { datetime: entry.occurredAt, text: formatDate(entry.occurredAt) }),
                ` · ${entry.summary}`,
              ]),
            ),
          ),
        ]),
      );
    })
    .catch(() => {
      /* the page stands without it */
    });
}
