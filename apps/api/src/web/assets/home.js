/**
 * The front page (`#/`): what the network did, not every member who joined. Highlights first (Doetanks started
 * and concluded, results shared, gatherings held, themes: the timeline filtered by those event types on the
 * server), then the latest year at a glance (its retrospective's figures), member joins grouped by week, and a
 * link to each year's report.
 */
import { getRetrospective, getTimeline, needsToken } from './api.js';
import { $, clear, el, focusHeading } from './dom.js';
import { formatDate } from './format.js';
import { reportLinks } from './report-links.js';
import { state, t } from './state.js';
import { entryItem } from './timeline.js';
import { tokenPrompt } from './token-prompt.js';

/** @import { Retrospective, TimelineEntry } from './api.js' */

/** What the front page counts as news of the network. */
export const HIGHLIGHT_TYPES = [
  'DoetankStarted',
  'DoetankConcluded',
  'ResultShared',
  'GatheringHeld',
  'YearThemesDefined',
].join(',');

const HIGHLIGHTS = 8;
/** Member joins read to group by week: the newest ones. */
const JOINS = 100;
const WEEKS = 4;

/** The timeline's URL with these filters. @param {Record<string, string>} filters */
export const timelineLink = (filters) => `#/timeline?${new URLSearchParams(filters)}`;

export function showHome() {
  const view = $('home-view');
  clear(view);
  document.title = `Slimmernetwerk · ${t().home}`;
  const heading = el('h1', { id: 'home-title', text: t().home });
  const highlights = el('ol', { id: 'highlights', className: 'timeline' });
  const glance = el('section', { id: 'glance', 'aria-labelledby': 'glance-title' });
  const joins = el('div', { id: 'member-weeks' });
  const status = el('p', { id: 'home-status', className: 'status', role: 'status', text: t().loading });
  // Shown when a programme's records say they are a reconstruction with invented detail (the demo year).
  const notice = el('p', { id: 'reconstruction-note', className: 'intro', role: 'note', hidden: true });
  view.append(
    heading,
    el('p', { className: 'intro', text: t().homeIntro }),
    status,
    el('section', { className: 'home-highlights', 'aria-labelledby': 'highlights-title' }, [
      el('h2', { id: 'highlights-title', text: t().highlights }),
      highlights,
      el('p', null, [
        el('a', { href: timelineLink({ type: HIGHLIGHT_TYPES }), text: `${t().allHighlights} →` }),
      ]),
    ]),
    glance,
    el('section', { className: 'home-members', 'aria-labelledby': 'members-title' }, [
      el('h2', { id: 'members-title', text: t().newMembers }),
      joins,
      el('p', null, [
        el('a', { href: timelineLink({ type: 'MemberJoined' }), text: `${t().allNewMembers} →` }),
      ]),
    ]),
    el('nav', { className: 'home-links', 'aria-labelledby': 'home-reports' }, [
      el('h2', { id: 'home-reports', text: t().reports }),
      notice,
      el('p', null, [
        ...reportLinks(),
        el('a', { href: '#/timeline', className: 'home-more', text: `${t().wholeTimeline} →` }),
      ]),
    ]),
  );
  focusHeading(heading);

  const lang = state.lang;
  Promise.all([
    getTimeline({ type: HIGHLIGHT_TYPES, limit: HIGHLIGHTS, lang }),
    getTimeline({ type: 'MemberJoined', limit: JOINS, lang }),
    getTimeline({ type: 'ProgrammeDescribed', limit: 10, lang }),
  ])
    .then(([news, joined, programmes]) => {
      if (!view.contains(status)) return; // the reader went on, or the language changed
      status.textContent = '';
      if (programmes.items.some((entry) => entry.details?.reconstruction === true)) {
        notice.textContent = t().reconstruction;
        notice.hidden = false;
      }
      news.items.forEach((entry) =>
        highlights.appendChild(entryItem(entry, t().eventTypes[entry.type] || entry.type)),
      );
      renderJoins(joins, joined.items);
      const newest = [...news.items, ...joined.items].map((e) => e.year || 0);
      const year = Math.max(0, ...newest);
      if (year > 0)
        return getRetrospective(String(year)).then((report) => renderGlance(glance, year, report));
    })
    .catch((error) => {
      if (!view.contains(status)) return;
      status.textContent = '';
      if (needsToken(error)) status.appendChild(tokenPrompt(t().tokenNeeded, error, showHome));
      else status.textContent = t().failed + error.message;
    });
}

/** Monday 00:00 UTC of the week of `iso`, as `YYYY-MM-DD`. @param {string} iso */
function weekOf(iso) {
  const day = new Date(iso);
  const monday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

/**
 * The newest joins as one line per week ("12 nieuwe leden in de week van ..."), each opening to its members.
 * @param {HTMLElement} box
 * @param {TimelineEntry[]} joins newest first
 */
function renderJoins(box, joins) {
  /** @type {Map<string, TimelineEntry[]>} */
  const weeks = new Map();
  joins.forEach((entry) => {
    const week = weekOf(entry.occurredAt);
    if (!weeks.has(week) && weeks.size === WEEKS) return;
    weeks.set(week, [...(weeks.get(week) || []), entry]);
  });
  if (weeks.size === 0) box.appendChild(el('p', { className: 'muted', text: t().none }));
  weeks.forEach((entries, week) => {
    box.appendChild(
      el('details', { className: 'week', 'data-week': week }, [
        el('summary', { text: t().joinedInWeek(entries.length, formatDate(week)) }),
        el(
          'ul',
          null,
          entries.map((entry) => el('li', { text: entry.summary })),
        ),
      ]),
    );
  });
}

/**
 * @param {HTMLElement} box
 * @param {number} year
 * @param {Retrospective} report
 */
function renderGlance(box, year, report) {
  const figures = t().figures;
  /** @type {[string, number | undefined][]} */
  const shown = [
    ['totalAtYearEnd', report.members?.totalAtYearEnd],
    ['joined', report.members?.joined],
    ['started', report.doetanks?.started],
    ['concluded', report.doetanks?.concluded],
    ['results', report.results?.total],
    ['held', report.gatherings?.held],
    ['attendance', report.gatherings?.attendance],
    ['themes', report.themes?.length],
  ];
  const number = new Intl.NumberFormat(state.lang === 'nl' ? 'nl-NL' : 'en-GB');
  box.append(
    el('h2', { id: 'glance-title', text: t().glance(year) }),
    el(
      'dl',
      { className: 'glance' },
      shown
        .filter(([, value]) => typeof value === 'number')
        .map(([key, value]) =>
          el('div', { className: 'figure', 'data-figure': key }, [
            el('dt', { text: figures[key] }),
            el('dd', { text: number.format(/** @type {number} */ (value)) }),
          ]),
        ),
    ),
    el('p', null, [
      el('a', {
        href: `/retrospectives/${year}/report?lang=${state.lang}`,
        text: `${t().reportOf} ${year} →`,
      }),
    ]),
  );
}
