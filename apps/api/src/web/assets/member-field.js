/**
 * A member chosen by name in a form (a proposer, a coach), or several (the attendees of a gathering): a search field
 * with the server's suggestions (`GET /members?q=`) in a native `<datalist>`; the form sends the chosen members'
 * ids, which the reader never sees. Text that names no suggested member sends nothing, and the API says the field
 * is missing.
 */
import { clear, el } from './dom.js';
import { suggestions } from './picker.js';
import { rememberNames, t } from './state.js';

/** @import { Member } from './api.js' */

/** A member as a suggestion names them: with the organisation, to tell two namesakes apart. */
export const memberLabel = (/** @type {Member} */ member) =>
  member.organisation ? `${member.name} (${member.organisation})` : member.name;

/**
 * The typeahead of members (names are personal data: for readers with a token); a forgotten member has no name to
 * offer.
 * @type {Pick<import('./picker.js').PickerConfig<Member>, 'path' | 'label' | 'remember'>}
 */
export const MEMBERS = {
  path: '/members',
  label: (member) => (member.name ? memberLabel(member) : null),
  remember: rememberNames,
};

/**
 * The search field and its suggestions (`GET /members?q=`).
 * @param {string} id the input's id
 * @param {string} describedBy the ids of the texts that describe the field (its error, a hint)
 * @param {boolean} [required]
 */
function searchField(id, describedBy, required) {
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
  /** @type {(text: string) => string | undefined} */
  const memberOf = suggestions(input, list, MEMBERS);
  return { input, list, memberOf };
}

/**
 * One member.
 * @param {string} id the input's id
 * @param {string} text the label
 * @param {string} describedBy the id of the field's error text
 * @param {boolean} [required]
 */
export function memberField(id, text, describedBy, required) {
  const { input, list, memberOf } = searchField(id, describedBy, required);
  const label = el('label', { for: id }, [el('span', { text: text + (required ? ' *' : '') }), input, list]);
  return { label, input, value: () => memberOf(input.value) || '', clear: () => undefined };
}

/**
 * Several members: each suggestion picked (or typed in full, then Enter) joins the list under the field, by name;
 * a button beside each name takes it off again. The value is the chosen ids, comma-separated, in the order chosen.
 * @param {string} id the input's id
 * @param {string} text the label
 * @param {string} describedBy the id of the field's error text
 * @param {boolean} [required]
 */
export function membersField(id, text, describedBy, required) {
  const hint = `${id}-hint`;
  const { input, list, memberOf } = searchField(id, `${hint} ${describedBy}`, required);
  const chosenList = el('ul', {
    id: `${id}-chosen`,
    className: 'chosen-members',
    'aria-label': `${t().write.chosen}: ${text}`,
    'aria-live': 'polite',
  });
  /** The chosen members' ids, to their labels. @type {Map<string, string>} */
  const chosen = new Map();
  // A change of the list is a change of the form's values: a new submission with a new Idempotency-Key.
  const changed = () => input.dispatchEvent(new window.Event('input', { bubbles: true }));
  const render = () => {
    clear(chosenList);
    chosen.forEach((name, memberId) => {
      const remove = el('button', {
        type: 'button',
        className: 'link remove',
        'aria-label': t().write.removeMember(name),
        text: '×',
      });
      remove.addEventListener('click', () => {
        chosen.delete(memberId);
        render();
        input.focus();
        changed();
      });
      chosenList.appendChild(el('li', null, [el('span', { text: name }), remove]));
    });
  };
  /** Takes the member the field's text names, if it names one; true when it did. */
  const take = () => {
    const name = input.value.trim();
    const memberId = memberOf(name);
    if (!memberId) return false;
    chosen.set(memberId, name);
    input.value = '';
    render();
    return true;
  };
  input.addEventListener('input', take);
  // Enter takes the member typed rather than sending the form half-filled.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && input.value.trim()) {
      event.preventDefault();
      take();
    }
  });
  const label = el('label', { for: id }, [
    el('span', { text: text + (required ? ' *' : '') }),
    input,
    list,
    el('span', { className: 'hint', id: hint, text: t().write.membersHint }),
  ]);
  const wrapper = el('div', null, [label, chosenList]);
  return {
    label: wrapper,
    input,
    value: () => [...chosen.keys()].join(','),
    clear: () => {
      chosen.clear();
      render();
    },
  };
}
