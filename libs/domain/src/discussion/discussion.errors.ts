import { aggregateErrors, invalid, notFound, rule, type ErrorTable } from '../shared/domain-error';
import type { MemberStatus } from '../shared/member-status';

/** Refusals of the discussion decider. */
export const discussionErrors = {
  ...aggregateErrors('DISCUSSION', 'Discussion'),
  'DISCUSSION.ALREADY_CLOSED': rule(
    (p: { discussionId: string }) => `Discussion ${p.discussionId} is already closed`,
  ),
  'DISCUSSION.STARTER_NOT_ACTIVE': rule(
    (p: { discussionId: string; memberId: string; memberStatus: MemberStatus }) =>
      `Discussion ${p.discussionId} can only be started by an active member; member ${p.memberId} is ${p.memberStatus}`,
  ),
  /** The discussion refers to a theme that its year does not define. */
  'DISCUSSION.UNKNOWN_THEME': notFound(
    (p: { discussionId: string; themeId: string }) =>
      `Theme ${p.themeId}, referred to by discussion ${p.discussionId}, is not defined`,
  ),
  'DISCUSSION.UNKNOWN_DOETANK': notFound(
    (p: { discussionId: string; doetankId: string }) =>
      `Doetank ${p.doetankId}, referred to by discussion ${p.discussionId}, does not exist`,
  ),
  'DISCUSSION.TITLE_REQUIRED': invalid(
    (p: { discussionId: string }) => `Discussion ${p.discussionId} needs a title`,
  ),
  'DISCUSSION.INVALID_LINK': invalid(
    (p: { discussionId: string; link: string }) =>
      `The link of discussion ${p.discussionId} must be an http or https URL`,
  ),
} as const satisfies ErrorTable;
