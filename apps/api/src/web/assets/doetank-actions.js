/**
 * What a signed-in coordinator or member records on a Doetank's page, by its stage: a proposed Doetank gets its
 * coach and client and is started; a started one shares results, records lessons and concludes. Each form sends
 * the command any client sends; the server decides who may (a member who leads the Doetank, a coordinator).
 */
import { commandForm } from './command-form.js';
import { el } from './dom.js';
import { state, t } from './state.js';

/** @import { Doetank } from './api.js' */
/** @import { Accepted } from './command.js' */

/**
 * The forms for this Doetank's stage, in a section of their own; null for a reader without a token or a Doetank
 * that is closed.
 * @param {Doetank} d
 * @param {(accepted: Accepted) => void} done shows the Doetank again as the write left it
 */
export function doetankActions(d, done) {
  if (!state.token || (d.stage !== 'proposed' && d.stage !== 'started')) return null;
  const w = t().write;
  const path = (/** @type {string} */ action) => `/doetanks/${encodeURIComponent(d.id)}/${action}`;
  const coach = commandForm({
    id: 'assign-coach',
    level: 'h3',
    title: w.assignCoach,
    fields: [
      { name: 'coachId', label: w.coach, type: 'member', required: true },
      { name: 'reason', label: w.reason, type: 'textarea' },
    ],
    request: (v) => ({ path: path('coach'), body: { coachId: v.coachId, reason: v.reason || undefined } }),
    done,
  });
  /** @type {HTMLFormElement[]} */
  const forms = [];
  if (d.stage === 'proposed') {
    forms.push(
      coach,
      commandForm({
        id: 'secure-client',
        level: 'h3',
        title: w.secureClient,
        fields: [
          { name: 'organisation', label: w.clientOrganisation, required: true },
          { name: 'contactName', label: w.contactName },
        ],
        request: (v) => ({
          path: path('client'),
          body: { organisation: v.organisation, contactName: v.contactName || undefined },
        }),
        done,
      }),
      commandForm({
        id: 'start-doetank',
        level: 'h3',
        title: w.start,
        fields: [],
        request: () => ({ path: path('start'), body: {} }),
        done,
      }),
    );
  } else {
    forms.push(
      commandForm({
        id: 'share-result',
        level: 'h3',
        title: w.shareResult,
        fields: [
          {
            name: 'kind',
            label: w.resultKind,
            type: 'select',
            required: true,
            options: Object.entries(t().resultKinds),
          },
          { name: 'title', label: w.title, required: true },
          { name: 'link', label: w.link, type: 'url' },
          { name: 'sharedBy', label: w.sharedBy, type: 'member', required: true },
        ],
        request: (v) => ({
          path: path('results'),
          body: { kind: v.kind, title: v.title, link: v.link || undefined, sharedBy: v.sharedBy },
        }),
        done,
      }),
      commandForm({
        id: 'record-lesson',
        level: 'h3',
        title: w.recordLesson,
        fields: [
          { name: 'lesson', label: w.lesson, type: 'textarea', required: true },
          { name: 'recordedBy', label: w.recordedBy, type: 'member', required: true },
        ],
        request: (v) => ({ path: path('lessons'), body: { lesson: v.lesson, recordedBy: v.recordedBy } }),
        done,
      }),
      coach,
      commandForm({
        id: 'conclude-doetank',
        level: 'h3',
        title: w.conclude,
        fields: [{ name: 'conclusion', label: w.conclusion, type: 'textarea' }],
        request: (v) => ({ path: path('conclude'), body: { conclusion: v.conclusion || undefined } }),
        done,
      }),
    );
  }
  return el('section', { className: 'actions', 'aria-labelledby': 'actions-title' }, [
    el('h2', { id: 'actions-title', text: w.record }),
    el('div', { className: 'action-forms' }, forms),
  ]);
}
