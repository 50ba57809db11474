import type { DiscussionStarted } from '@app/contracts';

/** What a started discussion is: a title and a link to where it takes place, not its text. */
export type DiscussionCore = DiscussionStarted['data'];

/** A discussion's state, keyed by status: `none` before it was started; `closed` is final. */
export type DiscussionState =
  { status: 'none' } | (DiscussionCore & { status: 'open' }) | (DiscussionCore & { status: 'closed' });

export type ExistingDiscussion = Exclude<DiscussionState, { status: 'none' }>;

/** Whether the discussion was started. */
export const discussionExists = (state: DiscussionState): state is ExistingDiscussion =>
  state.status !== 'none';
