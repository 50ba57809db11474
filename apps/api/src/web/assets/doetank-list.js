/**
 * The list of all Doetanks (`#/doetanks`): title, stage, client, coach, theme and results, most recently active
 * first, every page of `GET /doetanks`. Coaches are named for readers allowed to see names (their Doetank's
 * members, `GET /members?doetank=`), "a member" for the others.
 */
import { getDoetanks, getMembers } from './api.js';
import { $, clear, el, focusHeading, tableHead } from './dom.js';
import { memberName } from './format.js';
import { rememberNames, state, t } from './state.js';

/** @import { DoetankSummary } from './api.js' */

/** Every page of the list. @param {string | null} [cursor] @returns {Promise<DoetankSummary[]>} */
function allDoetanks(cursor) {
  return getDoetanks(cursor).then((page) =>
    page.nextCursor ? allDoetanks(page.nextCursor).then((rest) => [...page.items, ...rest]) : page.items,
  );
}

export function showDoetankList() {
  const view = $('doetanks-view');
  clear(view);
  document.title = `Slimmernetwerk · ${t().doetanksList}`;
  const heading = el('h1', { id: 'doetanks-title', text: t().doetanksList });
  const status = el('p', { className: 'status', role: 'status', text: t().loading });
  view.append(heading, status);
  focusHeading(heading);
  allDoetanks()
    .then((doetanks) => {
      if (!view.contains(status)) return;
      status.textContent = t().shownDoetanks(doetanks.length);
      const table = renderTable(doetanks);
      view.appendChild(table);
      if (!state.token) return;
      // Names for readers with a token: each Doetank's members and coach, as the Doetank page reads them.
      const coached = doetanks.filter((d) => d.coachId && !(d.coachId in state.names));
      return Promise.all(coached.map((d) => getMembers(d.id).then((page) => rememberNames(page.items)))).then(
        () => {
          if (view.contains(table)) table.replaceWith(renderTable(doetanks));
        },
      );
    })
    .catch((error) => {
      if (view.contains(status)) status.textContent = t().failed + error.message;
    });
}

/** @param {DoetankSummary[]} doetanks */
function renderTable(doetanks) {
  const headings = [t().doetank, t().stage, t().client, t().coach, t().theme, t().resultCount];
  return el(
    'div',
    { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t().doetanksTable },
    [
      el('table', { id: 'doetank-list' }, [
        tableHead(headings),
        el(
          'tbody',
          null,
          doetanks.map((d) =>
            el('tr', { 'data-doetank': d.id }, [
              el('th', { scope: 'row' }, [el('a', { href: `#/doetanks/${d.id}`, text: d.title })]),
              el('td', null, [
                el('span', {
                  className: `stage stage-${d.stage}`,
                  text: (d.stage && t().stages[d.stage]) || d.stage || '',
                }),
              ]),
              el('td', { text: d.clientOrganisation || '' }),
              el('td', { className: 'coach', text: d.coachId ? memberName(d.coachId) : t().noCoach }),
              el('td', { text: d.themeId ? state.themes[d.themeId] || d.themeId : '' }),
              el('td', { className: 'num', text: String(d.resultCount ?? 0) }),
            ]),
          ),
        ),
      ]),
    ],
  );
}
