import { discussionErrors } from './discussion/discussion.errors';
import { doetankErrors } from './doetank/doetank.errors';
import { gatheringErrors } from './gathering/gathering.errors';
import { memberErrors } from './member/member.errors';
import { networkYearErrors } from './network-year/network-year.errors';
import { businessTimeErrors } from './shared/business-time.errors';
import { DomainError, type ErrorTemplate } from './shared/domain-error';

/**
 * Every refusal of the domain: code -> category and message template, one table per aggregate. The codes (and
 * the HTTP statuses their categories map to) are a public contract of the API: change a message freely, never a
 * code or its category.
 */
export const DOMAIN_ERRORS = {
  ...memberErrors,
  ...doetankErrors,
  ...gatheringErrors,
  ...networkYearErrors,
  ...discussionErrors,
  ...businessTimeErrors,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/** The facts a code's message is made of (and that the caller is shown as `details`). */
export type DomainErrorParams<Code extends DomainErrorCode> = Parameters<
  (typeof DOMAIN_ERRORS)[Code]['message']
>[0];

/** The refusal `code`, with its message rendered from `params`: `throw domainError('DOETANK.NO_COACH', { doetankId })`. */
export function domainError<Code extends DomainErrorCode>(
  code: Code,
  params: DomainErrorParams<Code>,
): DomainError<Code> {
  const { category, message } = DOMAIN_ERRORS[code] as ErrorTemplate<DomainErrorParams<Code>>;
  return new DomainError(code, category, params as Record<string, unknown>, message(params));
}

/** Whether `error` is a domain refusal, and when `code` is given, that one. */
export const isDomainError = <Code extends DomainErrorCode>(
  error: unknown,
  code?: Code,
): error is DomainError<Code> => error instanceof DomainError && (code === undefined || error.code === code);
