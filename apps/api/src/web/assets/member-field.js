/**
 * A member chosen by name in a form (a proposer, a coach, an attendee): a search field with the server's
 * suggestions (`GET /members?q=`) in a native `<datalist>`; the form sends the chosen member's id, which the reader
 * never sees. Text that names no suggested member sends nothing, and the API says the field is missing.
 */
import { apiGet, query } from './api.js';
import { clear, el } from './dom.js';
import { rememberNames } from './state.js';

/** @import { Member, Page } from './api.js' */

const SUGGESTIONS = 10;
const PAUSE_MS = 150;

/** A member as a suggestion names them: with the organisation, to tell two namesakes apart. */
export const memberLabel = (/** @type {Member} */ member) =>
  member.organisation ? `${member.name} (${member.organisation})` : member.name;

/**
 * @param {string} id the input's id
 * @param {string} text the label
 * @param {string} describedBy the id of the field's error text
 * @param {boolean} [required]
 */
export function memberField(id, text, describedBy, required) {
  const list = el('datalist', { id: `${id}-options` });
  const input = el('input', {
    id,
    type: 'search',
    list: `${id}-options`,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-required': required ? 'true' : null,
    'aria-describedby': describedBy,
  });
  /** What the suggestions say, to the member id they stand for. @type {Map<string, string>} */
  const offered = new Map();
  let timer = 0;
  let asked = 0;
  const suggest = () => {
    const typed = input.value.trim();
    const request = ++asked;
    if (!/[\p{L}\p{N}]/u.test(typed) || offered.has(typed)) return;
    /** @type {Promise<Page<Member>>} */
    const answer = apiGet(`/members${query({ q: typed, limit: SUGGESTIONS })}`);
    answer
      .then((page) => {
        if (request !== asked) return;
        rememberNames(page.items);
        clear(list);
        page.items
          .filter((member) => member.name)
          .forEach((member) => {
            offered.set(memberLabel(member), member.id);
            list.appendChild(el('option', { value: memberLabel(member) }));
          });
      })
      .catch(() => {
        /* the API refused (no token): no suggestions, and the form's answer says why */
      });
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, PAUSE_MS);
  });
  const label = el('label', { for: id }, [el('span', { text: text + (required ? ' *' : '') }), input, list]);
  return { label, input, value: () => offered.get(input.value.trim()) || '' };
}
