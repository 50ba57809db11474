/**
 * The member filter: a search field that suggests members by name as one types (`GET /members?q=`, the server's
 * typeahead, for readers with a token: names are personal data), in a native `<datalist>`, which browsers and
 * screen readers already know how to offer. The chosen member's id goes into the hidden filter field; the reader
 * only ever sees names.
 */
import { apiGet, query } from './api.js';
import { $, clear, el } from './dom.js';
import { memberLabel } from './member-field.js';
import { rememberNames, state, t } from './state.js';

/** @import { Member, Page } from './api.js' */

const SUGGESTIONS = 10;
/** Waits this long after the last key before asking, so that a fast typist sends one request, not one per key. */
const PAUSE_MS = 150;

const search = () => /** @type {HTMLInputElement} */ ($('member-search'));
const chosen = () => /** @type {HTMLInputElement} */ ($('filter-member'));

/** What the suggestions say, to the member id they stand for. @type {Map<string, string>} */
let offered = new Map();
let timer = 0;
let asked = 0;

function suggest() {
  const text = search().value.trim();
  const request = ++asked;
  if (!/[\p{L}\p{N}]/u.test(text)) return;
  /** @type {Promise<Page<Member>>} */
  const answer = apiGet(`/members${query({ q: text, limit: SUGGESTIONS })}`);
  answer
    .then((page) => {
      if (request !== asked) return;
      rememberNames(page.items);
      offered = new Map();
      const list = $('member-options');
      clear(list);
      page.items
        .filter((member) => member.name)
        .forEach((member) => {
          offered.set(memberLabel(member), member.id);
          list.appendChild(el('option', { value: memberLabel(member) }));
        });
    })
    .catch(() => {
      /* no token, or the API refused: no suggestions; the field says why in its hint */
    });
}

/** Takes the typed or picked text as the filter once it names one suggested member, or none when emptied. */
function choose() {
  const text = search().value.trim();
  const id = text === '' ? '' : offered.get(text);
  if (id === undefined || id === chosen().value) return;
  chosen().value = id;
  chosen().dispatchEvent(new window.Event('change'));
}

/** Shows the chosen member's name (known once suggested or read), or nothing while unknown. */
export function showChosenMember() {
  const id = state.filters.member;
  chosen().value = id;
  const name = id ? state.names[id] : '';
  search().value = name || '';
  search().placeholder = id && !name ? t().member : '';
}

export function startMemberPicker() {
  search().addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, PAUSE_MS);
    choose();
  });
  search().addEventListener('change', choose);
}
