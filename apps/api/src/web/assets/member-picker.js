/**
 * The member filter: a search by name (`GET /members?q=`, for readers with a token: names are personal data).
 */
import { memberLabel } from './member-field.js';
import { showChosen, startPicker } from './picker.js';
import { rememberNames, state, t } from './state.js';

/** @import { Member } from './api.js' */

/** @type {import('./picker.js').PickerConfig<Member>} */
const MEMBER = {
  search: 'member-search',
  options: 'member-options',
  chosen: 'filter-member',
  path: '/members',
  // The organisation tells two namesakes apart; a forgotten member has no name to offer.
  label: (member) => (member.name ? memberLabel(member) : null),
  remember: rememberNames,
};

/** Shows the chosen member's name (known once suggested or read), or nothing while unknown. */
export function showChosenMember() {
  const id = state.filters.member;
  showChosen(MEMBER, id, id ? state.names[id] : '', t().member);
}

export const startMemberPicker = () => startPicker(MEMBER);
