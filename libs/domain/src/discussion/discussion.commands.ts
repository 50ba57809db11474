import type { DiscussionClosed, DiscussionStarted } from '@app/contracts';
import type { BusinessTime } from '../shared/business-time';
import type { MemberFacts } from '../shared/member-status';
import type { Recording } from '../shared/decider';

export interface StartDiscussion {
  type: 'StartDiscussion';
  data: DiscussionStarted['data'];
  /** Facts from other streams: the starter's status, whether the theme is defined and the Doetank exists. */
  context: { starter: MemberFacts; themeDefined?: boolean; doetankExists?: boolean };
}

export type CloseDiscussion = Recording<'CloseDiscussion', DiscussionClosed>;

/** Every discussion command, with the business time the write path dates it with. */
export type DiscussionCommand = (StartDiscussion | CloseDiscussion) & BusinessTime;
