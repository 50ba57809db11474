/**
 * What the page knows while it runs: the language, the filters and paging of the timeline, the names it has looked
 * up, and the reader's token. One object, shared by the views.
 */
import { TEXT } from './i18n.js';

/** @import { Language } from './i18n.js' */
/** @import { DoetankSummary, Member } from './api.js' */

export const KINDS = ['member', 'doetank', 'gathering', 'network', 'discussion'];
export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2014;
export const REPORT_YEARS = [2011, 2012, 2013];
export const PAGE = 20;

/**
 * The timeline's filters as the URL names them (`#/timeline?kind=doetank&from=2012-01-01`); '' is "any".
 * @typedef {{ q: string, kind: string, type: string, year: string, from: string, to: string, doetank: string, member: string,
 *   theme: string, order: string }} Filters
 */
/** @typedef {keyof Filters} FilterName */

/** @type {FilterName[]} */
export const FILTER_NAMES = [
  'q',
  'kind',
  'type',
  'year',
  'from',
  'to',
  'doetank',
  'member',
  'theme',
  'order',
];

/** @returns {Filters} */
export const noFilters = () => ({
  q: '',
  kind: '',
  type: '',
  year: '',
  from: '',
  to: '',
  doetank: '',
  member: '',
  theme: '',
  order: '',
});

export const state = {
  lang: initialLanguage(),
  filters: noFilters(),
  /** The timeline's next page, or null on its last. @type {string | null} */
  cursor: null,
  count: 0,
  /** How many entries the filters match in all, once the first page said. @type {number | null} */
  total: null,
  /** @type {string | null} */
  lastMonth: null,
  /** Entries recorded since the list was read that belong after the pages not loaded yet (oldest first). */
  unseen: 0,
  /** Counts the timeline's requests, so that an answer to an older one (filters changed since) is dropped. */
  request: 0,
  /** @type {DoetankSummary[]} */
  doetanks: [],
  /** Member names by id; null for a forgotten member. @type {Record<string, string | null>} */
  names: {},
  /** Theme titles by theme id (the id itself until its year's retrospective is read). @type {Record<string, string>} */
  themes: {},
  years: REPORT_YEARS.slice(),
  /** The Doetank whose history is shown, and where its next page starts. @type {{ id: string, from?: number | null } | null} */
  history: null,
  token: storedToken(),
  /** The position of the page's last write: the next Doetank read waits for it (read your writes). */
  lastWrite: 0,
};

/** The texts in the chosen language. */
export const t = () => TEXT[state.lang];

/** @param {Member[]} members */
export function rememberNames(members) {
  members.forEach((m) => {
    state.names[m.id] = m.forgotten ? null : m.name;
  });
}

/**
 * What the page keeps in the browser's storage; nothing (and no error) where the storage is refused (private mode).
 * @param {() => Storage} storage
 * @param {string} key
 */
function readStored(storage, key) {
  try {
    return storage().getItem(key) || '';
  } catch {
    return '';
  }
}

/** @param {() => Storage} storage @param {string} key @param {string} value */
function writeStored(storage, key, value) {
  try {
    storage().setItem(key, value);
  } catch {
    /* not kept: the page works on without it */
  }
}

// A bearer token for the endpoints that are not public (the audit history; everything when PUBLIC_READ is off).
// Kept for this tab only.
function storedToken() {
  return readStored(() => sessionStorage, 'slimmernetwerk.token');
}

/** @param {string} token */
export function setToken(token) {
  state.token = token;
  writeStored(() => sessionStorage, 'slimmernetwerk.token', token);
}

/** @returns {Language} */
function initialLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'nl' || asked === 'en') return asked;
  const stored = readStored(() => localStorage, 'slimmernetwerk.lang');
  return stored === 'en' ? 'en' : 'nl';
}

/** @param {Language} lang */
export function rememberLanguage(lang) {
  state.lang = lang;
  writeStored(() => localStorage, 'slimmernetwerk.lang', lang);
}
