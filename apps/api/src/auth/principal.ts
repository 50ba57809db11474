import type { FastifyRequest } from 'fastify';
import { senderOf, setSender } from '../commands/request-meta';

/** The roles a token may carry (claim `role`): who may do what is written down in docs/security.md. */
export const ROLES = ['coordinator', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** The subject of service tokens (imports, tools): a coordinator that is no member. */
export const SERVICE_SUBJECT = 'system';

/** Who sent a request, from a verified bearer token. */
export interface Principal {
  /** Member id (`sub`), or `system` for a service token (coordinators only). */
  sub: string;
  role: Role;
  /**
   * When the token was issued (`iat`, seconds since the epoch); set on every verified principal. A token issued
   * before its member's tokens were revoked is refused.
   */
  issuedAt?: number;
}

/** The principal of a request (set by AuthGuard); undefined for an anonymous reader. */
export const principalOf = (request: FastifyRequest): Principal | undefined =>
  // Only setPrincipal puts a sender on a request, so the sender is a Principal.
  senderOf(request) as Principal | undefined;

export const setPrincipal = (request: FastifyRequest, principal: Principal): void =>
  setSender(request, principal);
