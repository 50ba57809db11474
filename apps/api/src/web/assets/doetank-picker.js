/**
 * The Doetank filter: a search by title (`GET /doetanks?q=`), so that every Doetank can be chosen, not only the
 * first hundred. A Doetank chosen through a shared link is looked up for its title.
 */
import { getDoetank } from './api.js';
import { doetankTitle } from './format.js';
import { showChosen, startPicker } from './picker.js';
import { state, t } from './state.js';

/** @import { DoetankSummary } from './api.js' */

/** Keeps what was found, so that the chosen Doetank's title is known. @param {DoetankSummary[]} found */
function remember(found) {
  found.forEach((doetank) => {
    if (!doetankTitle(doetank.id)) state.doetanks.push(doetank);
  });
}

/** @type {import('./picker.js').PickerConfig<DoetankSummary>} */
const DOETANK = {
  filter: 'doetank',
  search: 'doetank-search',
  options: 'doetank-options',
  chosen: 'filter-doetank',
  hint: 'doetankHint',
  path: '/doetanks',
  label: (doetank) => doetank.title,
  remember,
};

/** Shows the chosen Doetank's title, asking for it when the page does not know it yet. */
export function showChosenDoetank() {
  const id = state.filters.doetank;
  const title = id ? doetankTitle(id) : '';
  showChosen(DOETANK, id, title, t().doetank);
  if (!id || title) return;
  getDoetank(id)
    .then((doetank) => {
      remember([doetank]);
      if (state.filters.doetank === id) showChosen(DOETANK, id, doetank.title, t().doetank);
    })
    .catch(() => {
      /* unknown or refused: the timeline says so */
    });
}

export const startDoetankPicker = () => startPicker(DOETANK);
