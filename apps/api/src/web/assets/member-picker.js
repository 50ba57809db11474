/**
 * The member filter: a search by name (`GET /members?q=`, for readers with a token: names are personal data).
 */
import { MEMBERS } from './member-field.js';
import { showChosen, startPicker } from './picker.js';
import { state, t } from './state.js';

/** @import { Member } from './api.js' */

/** @type {import('./picker.js').PickerConfig<Member>} */
const MEMBER = {
  filter: 'member',
  search: 'member-search',
  options: 'member-options',
  chosen: 'filter-member',
  hint: 'memberHint',
  ...MEMBERS,
};

/** Shows the chosen member's name (known once suggested or read), or nothing while unknown. */
export function showChosenMember() {
  const id = state.filters.member;
  showChosen(MEMBER, id, id ? state.names[id] : '', t().member);
}

export const startMemberPicker = () => startPicker(MEMBER);
