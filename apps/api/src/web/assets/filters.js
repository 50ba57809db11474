/**
 * The timeline's filters: words of the summaries, kind, event type, year, period (from, to), Doetank, member, theme
 * and order. A Doetank is found by title and a member by name as one types (doetank-picker.js, member-picker.js);
 * theme titles come from the retrospectives of the themes' years.
 */
import { getDoetanks, getRetrospective } from './api.js';
import { $, clear, el } from './dom.js';
import { showChosenDoetank } from './doetank-picker.js';
import { showChosenMember } from './member-picker.js';
import { FILTER_NAMES, FIRST_YEAR, KINDS, LAST_YEAR, state, t } from './state.js';

/** @import { FilterName } from './state.js' */

/** A filter's control: a list to choose from, or a date field (from, to). @param {FilterName} name */
const select = (name) => /** @type {HTMLSelectElement} */ ($(`filter-${name}`));

/**
 * @param {FilterName} name
 * @param {{ value: string, label: string }[]} options
 * @param {string} [anyLabel] the option for "no filter"
 */
function fillSelect(name, options, anyLabel) {
  const node = select(name);
  clear(node);
  node.appendChild(el('option', { value: '', text: anyLabel || t().all }));
  options.forEach((option) => {
    node.appendChild(el('option', { value: option.value, text: option.label }));
  });
  node.value = state.filters[name];
}

function fillKinds() {
  fillSelect(
    'kind',
    KINDS.map((kind) => ({ value: kind, label: t().kinds[kind] })),
  );
}

function fillYears() {
  const years = [];
  for (let y = LAST_YEAR; y >= FIRST_YEAR; y--) years.push({ value: String(y), label: String(y) });
  fillSelect('year', years);
}

function fillThemes() {
  const ids = Object.keys(state.themes).sort();
  fillSelect(
    'theme',
    ids.map((id) => ({ value: id, label: `${state.themes[id]} (${id.slice(0, 4)})` })),
  );
}

function fillTypes() {
  const types = t().eventTypes;
  fillSelect(
    'type',
    Object.keys(types).map((type) => ({ value: type, label: types[type] })),
  );
  // A list of types from a shared link (the front page's highlights) is kept as one more option.
  const chosen = state.filters.type;
  if (chosen && !types[chosen]) {
    const label = chosen
      .split(',')
      .map((type) => types[type] || type)
      .join(', ');
    select('type').appendChild(el('option', { value: chosen, text: label }));
    select('type').value = chosen;
  }
}

function fillOrder() {
  fillSelect('order', [{ value: 'oldest', label: t().oldestFirst }], t().newestFirst);
}

/** Every filter's options in the current language, each keeping its chosen value. */
export function fillFilters() {
  fillKinds();
  fillTypes();
  fillOrder();
  select('q').value = state.filters.q;
  select('from').value = state.filters.from;
  select('to').value = state.filters.to;
  fillYears();
  showChosenDoetank();
  showChosenMember();
  fillThemes();
}

/** Loads the themes to choose from (those of the 100 most recently active Doetanks) and their titles. */
export function loadFilterOptions() {
  const doetanks = getDoetanks().then((page) => {
    state.doetanks = page.items;
    page.items.forEach((d) => {
      if (d.themeId && !state.themes[d.themeId]) state.themes[d.themeId] = d.themeId;
    });
    showChosenDoetank();
    return loadThemeTitles();
  });
  return Promise.all([doetanks]).catch(() => {
    /* the filters stay partial; the timeline still works */
  });
}

/** Theme titles come with each year's retrospective (a theme id starts with its year). */
function loadThemeTitles() {
  /** @type {Record<string, boolean>} */
  const years = {};
  Object.keys(state.themes).forEach((id) => {
    years[id.slice(0, 4)] = true;
  });
  return Promise.all(
    Object.keys(years).map((year) =>
      getRetrospective(year)
        .then((report) => {
          (report.themes || []).forEach((theme) => {
            state.themes[theme.themeId] = theme.title;
          });
        })
        .catch(() => {
          /* keep the id as its label */
        }),
    ),
  ).then(fillThemes);
}

/** Takes the chosen values into the state. */
export function readFilters() {
  FILTER_NAMES.forEach((name) => {
    state.filters[name] = select(name).value;
  });
}

/** Calls `onChange` whenever a filter changes. @param {() => void} onChange */
export function onFilterChange(onChange) {
  FILTER_NAMES.forEach((name) => {
    select(name).addEventListener('change', onChange);
  });
}
