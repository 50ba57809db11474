import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../problem-details/problem-details.dto';
import type { Role } from './principal';

export const ACCESS_KEY = 'slimmernetwerk:access';
export const MEMBER_RULE_KEY = 'slimmernetwerk:member-rule';

/** A route's access policy, read by AuthGuard: the one place where it is enforced. */
export interface AccessPolicy {
  roles: readonly Role[];
  /** Anonymous readers allowed too, when PUBLIC_READ is on. */
  publicRead?: boolean;
  /** No token needed, whatever PUBLIC_READ says (health checks). */
  open?: boolean;
}

/**
 * How a member's request must be tied to them (coordinators are never restricted by it):
 * - `self`: a field of the body or a path parameter must be their own member id ("members act for themselves");
 *   `required`: they must name themselves (a body without the field is refused);
 * - `doetank-lead`: they must be the proposer or the coach of the Doetank in the path. AuthGuard does not check
 *   this one: the Doetank's decider does, on the state it decides the command on (a check before the command
 *   raced with the Doetank's creation). The decorator declares the rule for the access matrix and its docs.
 */
export type MemberRule =
  | { kind: 'self'; from: 'body' | 'path'; field: string; required: boolean; note?: string }
  | { kind: 'doetank-lead'; param: string };

const withBearerDocs = (...decorators: (ClassDecorator | MethodDecorator)[]) =>
  applyDecorators(
    ...decorators,
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ProblemDetailsDto, description: 'No valid bearer token' }),
    ApiForbiddenResponse({ type: ProblemDetailsDto, description: 'Not allowed for this role or member' }),
  );

/** Only these roles, with a valid bearer token. */
export const Allow = (...roles: Role[]) => withBearerDocs(SetMetadata(ACCESS_KEY, { roles }));

/** Every role, and anonymous readers too when PUBLIC_READ is on: the public side. */
export const PublicRead = () =>
  withBearerDocs(
    SetMetadata(ACCESS_KEY, {
      roles: ['coordinator', 'member', 'observer'],
      publicRead: true,
    } as AccessPolicy),
  );

/** The policy of `@OpenAccess()`: no token needed. */
export const OPEN_ACCESS: AccessPolicy = { roles: ['coordinator', 'member', 'observer'], open: true };

/** No token needed at all (liveness and readiness checks). */
export const OpenAccess = () => SetMetadata(ACCESS_KEY, OPEN_ACCESS);

/**
 * Members act only for themselves: `field` of the body (or the path) must be their own member id. Coordinators
 * act for anyone. `note` adds what else holds for a member, in the access matrix of docs/security.md.
 */
export const MemberActsAs = (
  from: 'body' | 'path',
  field: string,
  options: { required?: boolean; note?: string } = {},
) =>
  SetMetadata(MEMBER_RULE_KEY, {
    kind: 'self',
    from,
    field,
    required: options.required ?? false,
    ...(options.note !== undefined && { note: options.note }),
  } as MemberRule);

/**
 * Members may do it only as the proposer or the coach of the Doetank in path parameter `param`. Declares the rule;
 * the Doetank's decider enforces it (the command carries its sender, `actorOf(meta)`).
 */
export const MemberLeadsDoetank = (param = 'doetankId') =>
  SetMetadata(MEMBER_RULE_KEY, { kind: 'doetank-lead', param } as MemberRule);
