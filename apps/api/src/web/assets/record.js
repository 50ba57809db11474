/**
 * The view that records (`#/record`): register a member, propose a Doetank, schedule a gathering, register a member
 * for a gathering. A proposed
 * Doetank opens on its own page, where its coach, client, start, results, lessons and conclusion are recorded
 * (`doetank-actions.js`). Without a token the view asks for one first.
 */
import { apiGet } from './api.js';
import { commandForm } from './command-form.js';
import { $, clear, el, focusHeading } from './dom.js';
import { formatDate } from './format.js';
import { state, t } from './state.js';
import { tokenPrompt } from './token-prompt.js';

/** @import { Accepted } from './command.js' */
/** @import { FieldSpec } from './command-form.js' */

/** Turns a `datetime-local` value (the reader's own time) into the API's date-time with a UTC offset. */
const instant = (/** @type {string} */ local) => {
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? local : time.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

export function showRecord() {
  const view = $('record-view');
  clear(view);
  const w = t().write;
  document.title = `${w.record} · Slimmernetwerk`;
  view.appendChild(el('h1', { id: 'record-title', text: w.record }));
  view.appendChild(el('p', { className: 'muted', text: w.recordIntro }));
  if (!state.token) {
    view.appendChild(tokenPrompt(w.tokenNeeded, null, showRecord));
    focusHeading($('record-title'));
    return;
  }
  /**
   * After a command was accepted: the form empty again, the focus on its "Vastgelegd." (with a link to where it
   * shows, if given), and the next read of the timeline or a Doetank waits for this write (read your writes).
   * @param {HTMLFormElement} form
   * @param {Accepted} accepted
   * @param {string} [link]
   */
  const recorded = (form, accepted, link) => {
    state.lastWrite = Math.max(state.lastWrite, accepted.position);
    form.reset();
    const message = $(`${form.id}-message`);
    if (link) message.append(' ', el('a', { href: link, text: w.onTimeline }));
    message.focus();
  };
  const join = commandForm({
    id: 'join-network',
    title: w.joinNetwork,
    fields: [
      { name: 'name', label: w.name, required: true },
      { name: 'email', label: w.email, type: 'email', required: true },
      { name: 'organisation', label: w.organisation, required: true },
      { name: 'sector', label: w.sector, type: 'select', required: true, options: Object.entries(w.sectors) },
      { name: 'role', label: w.role, type: 'select', required: true, options: Object.entries(w.roles) },
    ],
    request: (v) => ({ path: '/members', body: v }),
    done: (accepted) => recorded(join, accepted),
  });
  const propose = commandForm({
    id: 'propose-doetank',
    title: w.proposeDoetank,
    fields: [
      { name: 'title', label: w.title, required: true },
      { name: 'problemStatement', label: w.problemStatement, type: 'textarea', required: true },
      { name: 'proposedBy', label: w.proposedBy, type: 'member', required: true },
      { name: 'themeId', label: w.themeId },
    ],
    request: (v) => ({
      path: '/doetanks',
      body: { ...v, themeId: v.themeId || undefined },
    }),
    // The new Doetank's page, read as this write left it (the read model may not have it yet otherwise).
    done: (accepted) => {
      state.lastWrite = accepted.position;
      location.hash = `#/doetanks/${accepted.aggregateId}`;
    },
  });
  const schedule = commandForm({
    id: 'schedule-gathering',
    title: w.scheduleGathering,
    fields: [
      {
        name: 'kind',
        label: w.gatheringKind,
        type: 'select',
        required: true,
        options: Object.entries(w.gatheringKinds),
      },
      { name: 'title', label: w.title, required: true },
      { name: 'startsAt', label: w.startsAt, type: 'datetime', required: true },
      { name: 'venue', label: w.venue, required: true },
      { name: 'city', label: w.city },
      { name: 'capacity', label: w.capacity, type: 'number', required: true },
    ],
    request: (v) => ({
      path: '/gatherings',
      body: {
        ...v,
        city: v.city || undefined,
        startsAt: v.startsAt && instant(v.startsAt),
        capacity: v.capacity === '' ? undefined : Number(v.capacity),
      },
    }),
    done: (accepted) => recorded(schedule, accepted),
  });
  const forms = el('div', { className: 'record-forms' }, [join, propose, schedule]);
  view.appendChild(forms);
  focusHeading($('record-title'));
  // Registering for a gathering, and recording one held: one of the scheduled gatherings, chosen by title.
  /** @type {Promise<{ items: { id: string, title: string, startsAt: string }[] }>} */
  const scheduled = apiGet('/gatherings?status=scheduled&limit=100');
  scheduled
    .then((page) => {
      /** @type {FieldSpec} */
      const gathering = {
        name: 'gatheringId',
        label: w.gathering,
        type: 'select',
        required: true,
        inPath: true,
        options: page.items.map((g) => [g.id, `${g.title} (${formatDate(g.startsAt)})`]),
      };
      const onGathering = (/** @type {string} */ id, /** @type {string} */ action) =>
        `/gatherings/${encodeURIComponent(id)}/${action}`;
      const register = commandForm({
        id: 'register-for-gathering',
        title: w.registerForGathering,
        fields: [gathering, { name: 'memberId', label: w.member, type: 'member', required: true }],
        request: (v) => ({
          path: onGathering(v.gatheringId, 'registrations'),
          body: { memberId: v.memberId },
        }),
        done: (accepted) => recorded(register, accepted),
      });
      const held = commandForm({
        id: 'record-held',
        title: w.recordHeld,
        fields: [
          gathering,
          { name: 'attendees', label: w.attendees, type: 'members' },
          { name: 'occurredAt', label: w.heldAt, type: 'datetime' },
        ],
        request: (v) => ({
          path: onGathering(v.gatheringId, 'held'),
          body: {
            attendees: v.attendees ? v.attendees.split(',') : [],
            occurredAt: v.occurredAt ? instant(v.occurredAt) : undefined,
          },
        }),
        // A gathering held takes no more registrations, nor is it held twice: it leaves both lists.
        done: (accepted, v) => {
          forms.querySelectorAll('select[name="gatheringId"] option').forEach((option) => {
            if (/** @type {HTMLOptionElement} */ (option).value === v.gatheringId) option.remove();
          });
          recorded(held, accepted, '#/timeline?kind=gathering');
        },
      });
      forms.append(register, held);
    })
    .catch(() => {
      /* no list of gatherings: the other forms still work */
    });
}
