/**
 * A Doetank's page (`#/doetanks/<id>`): `GET /doetanks/:id`, its members' names (`GET /members?doetank=`), and its
 * audit history (`GET /doetanks/:id/history`: revision, type, business time in Dutch time, actor, what changed and
 * why, correlation id), 50 at a time.
 */
import { getDoetank, getHistory, getMembers, needsToken } from './api.js';
import { doetankActions } from './doetank-actions.js';
import { appendCoachHistory } from './doetank-coaches.js';
import { $, clear, el, focusHeading, scrollableByKeyboard, tableHead } from './dom.js';
import { actorName, formatDate, formatLocalTime, memberName, safeHttpUrl } from './format.js';
import { rememberNames, state, t } from './state.js';
import { tokenPrompt } from './token-prompt.js';

/** @import { Doetank, HistoryChange, HistoryEvent } from './api.js' */
/** @import { Accepted } from './command.js' */

/**
 * @param {string} id
 * @param {Accepted} [written] a command this page just sent: the Doetank is read as it left it, and the focus goes to
 *   the note that says so
 */
export function showDoetank(id, written) {
  $('timeline-view').hidden = true;
  const view = $('doetank-view');
  view.hidden = false;
  clear(view);
  view.appendChild(el('p', { className: 'back' }, [el('a', { href: '#/timeline', text: t().back })]));
  const body = el('div', { id: 'doetank-body' }, [el('p', { className: 'status', text: t().loading })]);
  view.appendChild(body);
  const detail = getDoetank(id, written ? written.position : state.lastWrite || undefined);
  const people = getMembers(id)
    .then((page) => rememberNames(page.items))
    .catch(() => {
      /* names fall back to short ids */
    });
  Promise.all([detail, people])
    .then(([doetank]) => {
      renderDoetank(body, doetank);
      const actions = doetankActions(doetank, (accepted) => showDoetank(id, accepted));
      if (actions) body.insertBefore(actions, body.querySelector('.doetank-timeline'));
      if (written) {
        const note = el(
          'p',
          { id: 'recorded', className: 'status recorded', role: 'status', tabindex: '-1' },
          [t().write.recordedOn(doetank.title)],
        );
        body.insertBefore(note, body.firstChild);
        note.focus();
      }
      scrollableByKeyboard(body.querySelector('.table-scroll'), t().historyTable);
      appendCoachHistory(/** @type {HTMLElement} */ (body.querySelector('.doetank-timeline')), id);
      focusHeading($('doetank-title'));
      state.history = { id, from: 0 };
      loadHistory();
    })
    .catch((error) => {
      clear(body);
      // Every view has its heading, a refused or missing Doetank's too.
      body.appendChild(el('h1', { id: 'doetank-title', text: t().doetank }));
      focusHeading($('doetank-title'));
      if (needsToken(error)) {
        body.appendChild(tokenPrompt(t().tokenNeeded, error, () => showDoetank(id)));
        return;
      }
      body.appendChild(
        el('p', {
          className: 'status error',
          text: error.status === 404 ? t().notFound : t().failed + error.message,
        }),
      );
    });
  window.scrollTo(0, 0);
}

/**
 * The members by name; "4 leden" when this reader may see none of their names (not "een lid" four times).
 * @param {string[]} ids
 */
function memberList(ids) {
  const names = ids.map(memberName);
  return names.length > 1 && names.every((name) => name === t().aMember)
    ? t().memberCount(names.length)
    : names.join(', ');
}

/**
 * @param {string} label
 * @param {string | null | undefined} value
 */
function field(label, value) {
  if (!value) return null;
  return el('div', { className: 'field' }, [el('dt', { text: label }), el('dd', { text: value })]);
}

/**
 * A heading and its items (results, lessons), or "none" under it.
 * @template T
 * @param {string} heading
 * @param {T[] | undefined} items
 * @param {'ul' | 'div'} tag
 * @param {string} className
 * @param {(item: T) => HTMLElement} item
 */
function section(heading, items, tag, className, item) {
  const list = items || [];
  const shown = document.createDocumentFragment();
  shown.append(
    el('h2', { text: heading }),
    list.length === 0
      ? el('p', { className: 'muted', text: t().none })
      : el(tag, { className }, list.map(item)),
  );
  return shown;
}

/**
 * @param {HTMLElement} body
 * @param {Doetank} d
 */
function renderDoetank(body, d) {
  clear(body);
  document.title = `${d.title} · Slimmernetwerk`;
  body.appendChild(
    el('header', { className: 'doetank-header' }, [
      el('p', { className: 'kicker', text: t().doetank }),
      el('h1', { id: 'doetank-title', text: d.title }),
      el('span', { className: `stage stage-${d.stage}`, text: t().stages[d.stage] || d.stage }),
    ]),
  );
  body.appendChild(
    el('dl', { className: 'facts' }, [
      field(t().theme, d.themeId ? state.themes[d.themeId] || d.themeId : null),
      field(t().proposedAt, d.proposedAt && formatDate(d.proposedAt)),
      field(t().startedAt, d.startedAt && formatDate(d.startedAt)),
      field(t().concludedAt, d.concludedAt && formatDate(d.concludedAt)),
      field(t().stoppedAt, d.stoppedAt && formatDate(d.stoppedAt)),
      field(t().coach, d.coachId && memberName(d.coachId)),
      field(t().members, memberList(d.memberIds || [])),
      field(t().client, d.client && d.client.organisation),
    ]),
  );
  body.appendChild(el('h2', { text: t().problem }));
  body.appendChild(el('p', { className: 'problem', text: d.problemStatement }));
  if (d.conclusion) body.appendChild(el('h2', { text: t().conclusion }));
  if (d.conclusion) body.appendChild(el('p', { text: d.conclusion }));
  if (d.stopReason) body.appendChild(el('h2', { text: t().stopReason }));
  if (d.stopReason) body.appendChild(el('p', { text: d.stopReason }));

  body.appendChild(
    section(t().results, d.results, 'ul', 'results', (r) => {
      const href = r.link && safeHttpUrl(r.link);
      return el('li', null, [
        href ? el('a', { href, rel: 'noopener noreferrer', text: r.title }) : el('span', { text: r.title }),
        el('span', {
          className: 'muted',
          text: ` · ${t().resultKinds[r.kind] || r.kind} · ${formatDate(r.sharedAt)}`,
        }),
      ]);
    }),
  );
  body.appendChild(
    section(t().lessons, d.lessons, 'div', 'lessons', (l) =>
      el('blockquote', null, [
        el('p', { text: l.lesson }),
        el('footer', { text: `${memberName(l.recordedBy)} · ${formatDate(l.recordedAt)}` }),
      ]),
    ),
  );
  body.appendChild(
    el('p', { className: 'doetank-timeline' }, [
      el('a', { href: `#/?doetank=${d.id}`, id: 'doetank-timeline-link', text: `${t().doetankTimeline} →` }),
    ]),
  );

  const headings = [
    t().revision,
    t().eventType,
    t().businessTime,
    t().actor,
    t().changes,
    t().reason,
    t().correlation,
  ];
  body.appendChild(
    el('section', { className: 'history', 'aria-labelledby': 'history-title' }, [
      el('h2', { id: 'history-title', text: t().history }),
      el('p', { className: 'muted', text: t().historyIntro }),
      el('div', { className: 'table-scroll' }, [
        el('table', { id: 'doetank-history' }, [tableHead(headings), el('tbody')]),
      ]),
      el('button', {
        type: 'button',
        id: 'history-more',
        className: 'more',
        hidden: true,
        text: t().loadMore,
      }),
    ]),
  );
  $('history-more').addEventListener('click', loadHistory);
}

/** Appends the history's next page. */
function loadHistory() {
  const history = state.history;
  if (!history) return;
  const button = /** @type {HTMLButtonElement} */ ($('history-more'));
  button.disabled = true;
  getHistory(history.id, history.from)
    .then((page) => {
      const tbody = /** @type {HTMLElement} */ (document.querySelector('#doetank-history tbody'));
      // Names of the members this page names (never their e-mail addresses), for the actor and the changes.
      Object.entries(page.names || {}).forEach(([memberId, name]) => {
        state.names[memberId] = name;
      });
      page.events.forEach((event) => {
        const meta = event.metadata || {};
        tbody.appendChild(
          el('tr', { 'data-revision': event.revision }, [
            el('td', { className: 'num', text: String(event.revision) }),
            el('td', null, [el('code', { text: event.type })]),
            businessTimeCell(event),
            el('td', { text: actorName(meta.actorId) }),
            el('td', { className: 'changes' }, [changeList(event.changes || [])]),
            el('td', { className: 'reason', text: event.reason || '' }),
            el('td', null, [
              el('code', {
                className: 'id',
                title: meta.correlationId || '',
                text: meta.correlationId || '',
              }),
            ]),
          ]),
        );
      });
      history.from = page.nextFrom;
      button.hidden = page.nextFrom === undefined || page.nextFrom === null;
      button.disabled = false;
    })
    .catch((error) => {
      button.disabled = false;
      if (needsToken(error)) {
        button.hidden = true;
        // With a token the names of the members may become readable too: show the whole page again.
        button.before(tokenPrompt(t().historyNeedsToken, error, () => showDoetank(history.id)));
        return;
      }
      button.hidden = false;
      button.textContent = t().failed + error.message;
    });
}

/**
 * When it happened, in Dutch time; a corrected time shows the recorded one beside it.
 * @param {HistoryEvent} event
 */
function businessTimeCell(event) {
  const recorded = (event.metadata || {}).occurredAt;
  const shown = event.correctedOccurredAt || recorded;
  const cell = el('td', { className: 'nowrap', text: shown ? formatLocalTime(shown) : '' });
  if (shown) cell.setAttribute('title', shown);
  if (event.correctedOccurredAt && recorded) {
    cell.appendChild(
      el('div', {
        className: 'muted corrected',
        text: `(${t().correctedTime} ${formatLocalTime(recorded)})`,
      }),
    );
  }
  return cell;
}

/** The fields that name members: their values are shown as names. */
const MEMBER_FIELDS = new Set(['coachId', 'proposedBy', 'members']);

/**
 * A value of the state as a reader wants it: names for members, titles for results, the text of a lesson.
 * @param {string} field
 * @param {unknown} value
 */
function shownValue(field, value) {
  if (value === undefined || value === null) return '—';
  if (field === 'status') return t().stages[String(value)] || '—';
  if (MEMBER_FIELDS.has(field) && typeof value === 'string') return memberName(value);
  if (typeof value === 'object') {
    const item = /** @type {Record<string, unknown>} */ (value);
    const text = item.title ?? item.lesson ?? item.organisation;
    return typeof text === 'string' ? shorten(text) : '…';
  }
  return shorten(String(value));
}

/** @param {string} text */
const shorten = (text) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * What an event changed: `coach: Joost Verhoeven → Pieter de Boer`, `leden: + Anna Jansen`.
 * @param {HistoryChange[]} changes
 */
function changeList(changes) {
  const shown = changes.filter((c) => c.field !== 'doetankId');
  return el(
    'ul',
    { className: 'changes' },
    shown.map((change) => {
      const label = t().fields[change.field] || change.field;
      const parts = [];
      if (change.added || change.removed) {
        (change.added || []).forEach((v) => parts.push(`+ ${shownValue(change.field, v)}`));
        (change.removed || []).forEach((v) => parts.push(`− ${shownValue(change.field, v)}`));
      } else {
        parts.push(`${shownValue(change.field, change.before)} → ${shownValue(change.field, change.after)}`);
      }
      return el('li', { text: `${label}: ${parts.join(', ')}` });
    }),
  );
}
