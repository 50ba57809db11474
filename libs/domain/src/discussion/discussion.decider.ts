import type { DiscussionEvent } from '@app/contracts';
import { domainError } from '../domain-errors';
import { requireFact } from '../shared/command-context-error';
import { assertNever, decider } from '../shared/decider';
import { requireJoinedBefore, type Timed } from '../shared/business-time';
import { factsAbout } from '../shared/member-status';
import { isBlank, isHttpUrl, optionalText } from '../shared/validation';
import type { DiscussionCommand, StartDiscussion } from './discussion.commands';
import type { DiscussionState } from './discussion.state';

/** A discussion stream before it was started. */
export const initialDiscussionState: DiscussionState = { status: 'none' };

/** The handler must say whether a referenced aggregate exists; silence would read as "no". */
const start = (
  { type, data, context, occurredAt }: Timed<StartDiscussion>,
  state: DiscussionState,
): DiscussionEvent[] => {
  const { discussionId, startedBy } = data;
  if (state.status !== 'none') throw domainError('DISCUSSION.ALREADY_EXISTS', { id: discussionId });
  if (isBlank(data.title)) throw domainError('DISCUSSION.TITLE_REQUIRED', { discussionId });
  const link = typeof data.link === 'string' ? data.link.trim() : '';
  if (!isHttpUrl(link)) throw domainError('DISCUSSION.INVALID_LINK', { discussionId, link: data.link });
  const starter = factsAbout(type, context?.starter, startedBy);
  if (starter.status !== 'active') {
    throw domainError('DISCUSSION.STARTER_NOT_ACTIVE', {
      discussionId,
      memberId: startedBy,
      memberStatus: starter.status,
    });
  }
  requireJoinedBefore(type, occurredAt, starter);
  const themeId = optionalText(data.themeId);
  if (themeId !== undefined && !requireFact(type, context.themeDefined, `theme ${themeId} is defined`)) {
    throw domainError('DISCUSSION.UNKNOWN_THEME', { discussionId, themeId });
  }
  const doetankId = optionalText(data.doetankId);
  if (doetankId !== undefined && !requireFact(type, context.doetankExists, `Doetank ${doetankId} exists`)) {
    throw domainError('DISCUSSION.UNKNOWN_DOETANK', { discussionId, doetankId });
  }
  return [
    {
      type: 'DiscussionStarted',
      data: {
        discussionId,
        title: data.title.trim(),
        link,
        startedBy,
        ...(themeId !== undefined && { themeId }),
        ...(doetankId !== undefined && { doetankId }),
      },
    },
  ];
};

/** Decides what a discussion command means for the discussion's stream (`discussion-<id>`). */
export const decideDiscussion = (command: DiscussionCommand, state: DiscussionState): DiscussionEvent[] => {
  switch (command.type) {
    case 'StartDiscussion':
      return start(command, state);
    case 'CloseDiscussion': {
      const { discussionId } = command.data;
      if (state.status === 'none') throw domainError('DISCUSSION.NOT_FOUND', { id: discussionId });
      if (state.status === 'closed') throw domainError('DISCUSSION.ALREADY_CLOSED', { discussionId });
      return [{ type: 'DiscussionClosed', data: { discussionId } }];
    }
    default:
      return assertNever(command);
  }
};

/** Applies a discussion event. */
export const evolveDiscussion = (state: DiscussionState, event: DiscussionEvent): DiscussionState => {
  switch (event.type) {
    case 'DiscussionStarted':
      return { status: 'open', ...event.data };
    case 'DiscussionClosed':
      return state.status === 'open' ? { ...state, status: 'closed' } : state;
    default:
      return assertNever(event);
  }
};

/** The discussion decider: one stream per discussion in the online group (`discussion-<id>`). */
export const discussionDecider = decider(decideDiscussion, evolveDiscussion, initialDiscussionState);
