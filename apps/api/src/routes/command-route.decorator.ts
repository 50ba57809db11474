import { applyDecorators, Post, Put } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { Allow, MemberActsAs, MemberLeadsDoetank } from '../auth/access.decorators';
import type { Role } from '../auth/principal';
import { ProblemDetailsDto } from '../problem-details/problem-details.dto';

/** How a member's request is tied to them: `@MemberActsAs`'s arguments, as one object. */
export interface ActsAs {
  from: 'body' | 'path';
  field: string;
  required?: boolean;
  note?: string;
}

/**
 * A command's route and who may send it: `CommandRoute('POST /doetanks/:doetankId/start', { allow: [...], lead:
 * 'doetankId' })` is `@Post(...)`, `@Allow(...)` and `@MemberLeadsDoetank('doetankId')` (`actsAs` is
 * `@MemberActsAs`). `commandController` applies it from a command route's declaration, below `@ApiCommand`. It
 * only composes those decorators, so AuthGuard, the access matrix, the route catalogue and the OpenAPI document
 * read their metadata.
 */
export function CommandRoute(
  route: `${'POST' | 'PUT'}${'' | ` ${string}`}`,
  access: { allow: Role[]; lead?: string; actsAs?: ActsAs },
) {
  const [method, path] = route.split(' ') as ['POST' | 'PUT', string | undefined];
  const { actsAs } = access;
  return applyDecorators(
    method === 'PUT' ? Put(path) : Post(path),
    // Before Allow's, so the document reads as it always has: this actor first, then the role or member.
    ApiForbiddenResponse({ type: ProblemDetailsDto, description: 'Not allowed for this actor' }),
    Allow(...access.allow),
    ...(access.lead !== undefined ? [MemberLeadsDoetank(access.lead)] : []),
    ...(actsAs ? [MemberActsAs(actsAs.from, actsAs.field, actsAs)] : []),
  );
}
