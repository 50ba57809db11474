import type { DiscussionClosed, DiscussionStarted } from '@app/contracts';
import type { MemberFacts } from '../shared/member-status';

export interface StartDiscussion {
  type: 'StartDiscussion';
  data: DiscussionStarted['data'];
  /** Facts from other streams: the starter's status, whether the theme is defined and the Doetank exists. */
  context: { starter: MemberFacts; themeDefined?: boolean; doetankExists?: boolean };
}

export interface CloseDiscussion {
  type: 'CloseDiscussion';
  data: DiscussionClosed['data'];
}

export type DiscussionCommand = StartDiscussion | CloseDiscussion;
