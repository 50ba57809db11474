import {
  AggregateAlreadyExistsError,
  AggregateNotFoundError,
  InvalidCommandError,
  ReferenceNotFoundError,
  RuleViolationError,
} from '../shared/domain-error';
import type { MemberStatus } from '../shared/member-status';

/** Stable codes of discussion refusals. */
export const DiscussionErrorCode = {
  NOT_FOUND: 'DISCUSSION.NOT_FOUND',
  ALREADY_EXISTS: 'DISCUSSION.ALREADY_EXISTS',
  ALREADY_CLOSED: 'DISCUSSION.ALREADY_CLOSED',
  STARTER_NOT_ACTIVE: 'DISCUSSION.STARTER_NOT_ACTIVE',
  UNKNOWN_THEME: 'DISCUSSION.UNKNOWN_THEME',
  UNKNOWN_DOETANK: 'DISCUSSION.UNKNOWN_DOETANK',
  TITLE_REQUIRED: 'DISCUSSION.TITLE_REQUIRED',
  INVALID_LINK: 'DISCUSSION.INVALID_LINK',
} as const;

type Code = typeof DiscussionErrorCode;
export type InvalidDiscussionCommandCode = Code['TITLE_REQUIRED'] | Code['INVALID_LINK'];

/** A command addressed to a discussion that was never started. */
export class DiscussionNotFoundError extends AggregateNotFoundError {
  declare readonly code: Code['NOT_FOUND'];
  constructor(discussionId: string) {
    super(DiscussionErrorCode.NOT_FOUND, 'Discussion', discussionId);
  }
}

/** StartDiscussion with an id that is already taken. */
export class DiscussionAlreadyExistsError extends AggregateAlreadyExistsError {
  declare readonly code: Code['ALREADY_EXISTS'];
  constructor(discussionId: string) {
    super(DiscussionErrorCode.ALREADY_EXISTS, 'Discussion', discussionId);
  }
}

/** CloseDiscussion on a closed discussion. */
export class DiscussionAlreadyClosedError extends RuleViolationError {
  declare readonly code: Code['ALREADY_CLOSED'];
  constructor(discussionId: string) {
    super(DiscussionErrorCode.ALREADY_CLOSED, `Discussion ${discussionId} is already closed`, {
      discussionId,
    });
  }
}

/** Only active members start discussions. */
export class DiscussionStarterNotActiveError extends RuleViolationError {
  declare readonly code: Code['STARTER_NOT_ACTIVE'];
  constructor(discussionId: string, memberId: string, memberStatus: MemberStatus) {
    super(
      DiscussionErrorCode.STARTER_NOT_ACTIVE,
      `Discussion ${discussionId} can only be started by an active member; member ${memberId} is ${memberStatus}`,
      { discussionId, memberId, memberStatus },
    );
  }
}

/** The discussion refers to a theme that its year does not define. */
export class DiscussionThemeNotFoundError extends ReferenceNotFoundError {
  declare readonly code: Code['UNKNOWN_THEME'];
  constructor(discussionId: string, themeId: string) {
    super(
      DiscussionErrorCode.UNKNOWN_THEME,
      `Theme ${themeId}, referred to by discussion ${discussionId}, is not defined`,
      {
        discussionId,
        themeId,
      },
    );
  }
}

/** The discussion refers to a Doetank that does not exist. */
export class DiscussionDoetankNotFoundError extends ReferenceNotFoundError {
  declare readonly code: Code['UNKNOWN_DOETANK'];
  constructor(discussionId: string, doetankId: string) {
    super(
      DiscussionErrorCode.UNKNOWN_DOETANK,
      `Doetank ${doetankId}, referred to by discussion ${discussionId}, does not exist`,
      { discussionId, doetankId },
    );
  }
}

/** A discussion command with input only the domain can judge (blank title, a link that is not http(s)). */
export class InvalidDiscussionCommandError extends InvalidCommandError {
  declare readonly code: InvalidDiscussionCommandCode;
  constructor(code: InvalidDiscussionCommandCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
