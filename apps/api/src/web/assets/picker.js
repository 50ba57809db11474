/**
 * A filter chosen by searching: a field that suggests what the server's typeahead finds as one types
 * (`GET /members?q=`, `GET /doetanks?q=`), in a native `<datalist>`, which browsers and screen readers already know
 * how to offer. The chosen item's id goes into a hidden filter field; the reader only ever sees names and titles.
 */
import { apiGet, query } from './api.js';
import { $, clear, el } from './dom.js';

/** @import { Page } from './api.js' */

const SUGGESTIONS = 10;
/** Waits this long after the last key before asking, so that a fast typist sends one request, not one per key. */
const PAUSE_MS = 150;

/**
 * @template {{ id: string }} T
 * @typedef {{
 *   filter: 'doetank' | 'member',
 *   search: string,
 *   options: string,
 *   chosen: string,
 *   hint: string,
 *   path: string,
 *   label: (item: T) => string | null,
 *   remember?: (items: T[]) => void,
 * }} PickerConfig the filter it sets; the ids of the search field, its datalist and the hidden filter field; the
 *   key of its hint's text; the typeahead's path; how an item is offered (null: not offered); what to keep of the
 *   items found
 */

/**
 * Suggestions as one types into `input`: after a pause, the server's answer to the text (the newest answer only)
 * fills the `<datalist>`. Shared by the filters' pickers and the forms' member fields.
 * @template {{ id: string }} T
 * @param {HTMLInputElement} input
 * @param {HTMLElement} list the input's datalist
 * @param {Pick<PickerConfig<T>, 'path' | 'label' | 'remember'>} config
 * @returns {(text: string) => string | undefined} the id of the item a suggestion's text stands for
 */
export function suggestions(input, list, config) {
  /** What the suggestions say, to the id they stand for. @type {Map<string, string>} */
  let offered = new Map();
  let timer = 0;
  let asked = 0;

  function suggest() {
    const text = input.value.trim();
    const request = ++asked;
    if (!/[\p{L}\p{N}]/u.test(text) || offered.has(text)) return;
    /** @type {Promise<Page<T>>} */
    const answer = apiGet(`${config.path}${query({ q: text, limit: SUGGESTIONS })}`);
    answer
      .then((page) => {
        if (request !== asked) return;
        if (config.remember) config.remember(page.items);
        offered = new Map();
        clear(list);
        page.items.forEach((item) => {
          const label = config.label(item);
          if (!label) return;
          offered.set(label, item.id);
          list.appendChild(el('option', { value: label }));
        });
      })
      .catch(() => {
        /* no token, or the API refused: no suggestions; the field's hint or the form's answer says why */
      });
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, PAUSE_MS);
  });
  return (text) => offered.get(text.trim());
}

/**
 * Builds the picker in its label (`#<filter>-picker`): the search field, its suggestions, the hidden filter field the
 * form reads, and the hint; the page's texts are filled in afterwards, as every `data-text`.
 * @template {{ id: string }} T
 * @param {PickerConfig<T>} config
 */
export function startPicker(config) {
  const search = el('input', {
    type: 'search',
    id: config.search,
    list: config.options,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${config.filter}-hint`,
  });
  const chosen = el('input', { type: 'hidden', id: config.chosen, name: config.filter });
  $(`${config.filter}-picker`).append(
    search,
    el('datalist', { id: config.options }),
    chosen,
    el('span', { id: `${config.filter}-hint`, className: 'hint', 'data-text': config.hint }),
  );
  const idOf = suggestions(search, $(config.options), config);

  /** Takes the typed or picked text as the filter once it names one suggestion, or none when emptied. */
  function choose() {
    const text = search.value.trim();
    const id = text === '' ? '' : idOf(text);
    if (id === undefined || id === chosen.value) return;
    chosen.value = id;
    chosen.dispatchEvent(new window.Event('change'));
  }

  search.addEventListener('input', choose);
  search.addEventListener('change', choose);
}

/**
 * Shows the chosen item in its field: its label when known, else nothing, with `unknown` as the placeholder.
 * @param {{ search: string, chosen: string }} config
 * @param {string} id the chosen id ('' for none)
 * @param {string | null | undefined} label
 * @param {string} unknown
 */
export function showChosen(config, id, label, unknown) {
  /** @type {HTMLInputElement} */ ($(config.chosen)).value = id;
  const search = /** @type {HTMLInputElement} */ ($(config.search));
  search.value = label || '';
  search.placeholder = id && !label ? unknown : '';
}
