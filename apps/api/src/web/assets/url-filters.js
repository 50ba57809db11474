/**
 * The timeline's filters in the URL (`#/timeline?kind=doetank&from=2012-01-01&order=oldest`), so that a view can
 * be bookmarked and shared, and Back and Forward step through the filters chosen. Only the filters' own names are
 * read; the API checks their values (a bad one is shown as its error).
 */
import { FILTER_NAMES, noFilters } from './state.js';

/** @import { Filters } from './state.js' */

/**
 * The filters a timeline URL names: `#/timeline?...`, and `#/?...` as the page's earlier links wrote it.
 * @param {string} hash
 * @returns {Filters | null} null when the hash is not the timeline's
 */
export function filtersOf(hash) {
  const match = /^#\/(?:timeline)?(?:\?(.*))?$/.exec(hash);
  if (!match || (hash.startsWith('#/?') === false && !hash.startsWith('#/timeline'))) return null;
  const params = new URLSearchParams(match[1] || '');
  const filters = noFilters();
  FILTER_NAMES.forEach((name) => {
    filters[name] = params.get(name) || '';
  });
  return filters;
}

/**
 * The timeline's URL for these filters (those with a value, in a fixed order).
 * @param {Filters} filters
 */
export function timelineHash(filters) {
  const params = new URLSearchParams();
  FILTER_NAMES.forEach((name) => {
    if (filters[name]) params.set(name, filters[name]);
  });
  const query = params.toString();
  return query ? `#/timeline?${query}` : '#/timeline';
}
