/** What a started discussion is: a title and a link to where it takes place, not its text. */
export interface DiscussionCore {
  discussionId: string;
  title: string;
  link: string;
  startedBy: string;
  themeId?: string;
  doetankId?: string;
}

/** A discussion's state, keyed by status: `none` before it was started; `closed` is final. */
export type DiscussionState =
  { status: 'none' } | (DiscussionCore & { status: 'open' }) | (DiscussionCore & { status: 'closed' });

export type ExistingDiscussion = Exclude<DiscussionState, { status: 'none' }>;

/** Whether the discussion was started. */
export const discussionExists = (state: DiscussionState): state is ExistingDiscussion =>
  state.status !== 'none';
