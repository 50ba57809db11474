import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HEADER_ACTOR_ID } from '../commands/request-meta';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { RefusalCounter } from '../hardening/rate-limit.guard';
import { ACCESS_KEY, MEMBER_RULE_KEY, type AccessPolicy, type MemberRule } from './access.decorators';
import { AuthenticationRequiredError, notAllowed } from './auth.errors';
import { MemberAccess } from './member-access';
import { setPrincipal, type Principal } from './principal';
import { InvalidTokenError, TokenService } from './tokens';

/** Routes without an access decorator: any role may read, only coordinators may change anything. */
const DEFAULT_READ: AccessPolicy = { roles: ['coordinator', 'member', 'observer'] };
const DEFAULT_WRITE: AccessPolicy = { roles: ['coordinator'] };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorisation of every route, in one place (docs/security.md has the matrix):
 *
 * 1. A bearer token, when sent, must verify (else 401 with a `WWW-Authenticate: Bearer` challenge, also on public
 *    routes: a client with a broken token should learn it). Its principal is put on the request; the acting
 *    member of every event comes from it, never from the body.
 * 2. The route's policy (`@Allow(...)`, `@PublicRead()`, `@OpenAccess()`; without one: reading for every role,
 *    writing for coordinators) decides: anonymous requests get 401 unless the route is open or public and
 *    PUBLIC_READ is on; a role outside the policy gets 403.
 * 3. For members, the route's member rule `@MemberActsAs` (the body or path names them). Coordinators pass.
 *    `@MemberLeadsDoetank` (they proposed or coach the Doetank) is not checked here: it depends on the Doetank's
 *    state, so the Doetank's decider decides it on the state it decides the command on. A check here, before the
 *    command, raced with the Doetank's creation (docs/security.md, threat model).
 * 4. `X-Actor-Id` (recording history on behalf of someone) is for coordinators only.
 * 5. A token issued before its member's tokens were revoked is refused (401 AUTH.TOKEN_REVOKED), on every route; a
 *    member token of someone who left or was forgotten gets 403 AUTH.MEMBER_NOT_ACTIVE on every route but the open
 *    ones. Both read the member's stream through MemberAccess (briefly cached); commands are checked again by the
 *    command runner on the state they are decided on.
 *
 * Every refusal of authentication (401) counts against the client address's rate limit, so tokens cannot be
 * guessed without limit; once the address has used up its requests, the refusal is a 429.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly refusals: RefusalCounter,
    private readonly members: MemberAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    try {
      return await this.decide(context, request);
    } catch (error) {
      if (error instanceof AuthenticationRequiredError) {
        const tooMany = await this.refusals.count(
          request,
          context.switchToHttp().getResponse<FastifyReply>(),
        );
        if (tooMany) throw tooMany;
      }
      throw error;
    }
  }

  private async decide(context: ExecutionContext, request: FastifyRequest): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const policy =
      this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_KEY, targets) ??
      (SAFE_METHODS.has(request.method) ? DEFAULT_READ : DEFAULT_WRITE);
    const rule = this.reflector.getAllAndOverride<MemberRule | undefined>(MEMBER_RULE_KEY, targets);

    const principal = await this.authenticate(request);
    if (principal) setPrincipal(request, principal);
    if (policy.open) return true;
    if (!principal) {
      if (policy.publicRead && this.config.publicRead) return true;
      throw new AuthenticationRequiredError(
        'This needs a bearer token (Authorization: Bearer <token>)',
        'AUTH.TOKEN_MISSING',
      );
    }
    if (!policy.roles.includes(principal.role)) {
      throw notAllowed(`A ${principal.role} may not do this; allowed: ${policy.roles.join(', ')}`);
    }
    if (principal.role === 'member') await this.checkStillMember(principal);
    if (!SAFE_METHODS.has(request.method)) this.checkActingOnBehalf(request, principal);
    if (principal.role === 'member' && rule) this.checkMemberRule(rule, request, principal);
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (header === undefined) return undefined;
    if (Array.isArray(header)) throw invalid('send one Authorization header');
    const match = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header);
    if (!match) throw invalid('the Authorization header must be "Bearer <token>"');
    let principal: Principal;
    try {
      principal = await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw invalid(error.message);
      throw error;
    }
    if (await this.members.revoked(principal)) {
      throw new AuthenticationRequiredError(
        "the token was revoked: it was issued before a coordinator revoked this member's tokens; sign in again",
        'AUTH.TOKEN_REVOKED',
      );
    }
    return principal;
  }

  /** Reads and writes in the network are for its members: not for one who left or was forgotten. */
  private async checkStillMember(principal: Principal): Promise<void> {
    const { status } = await this.members.of(principal.sub);
    if (status === 'left' || status === 'forgotten') {
      throw notAllowed(
        `Member ${principal.sub} is no longer active (${status}): their tokens no longer act in the network`,
        'AUTH.MEMBER_NOT_ACTIVE',
      );
    }
  }

  private checkActingOnBehalf(request: FastifyRequest, principal: Principal): void {
    const onBehalf = request.headers[HEADER_ACTOR_ID];
    if (onBehalf === undefined || principal.role === 'coordinator') return;
    if (onBehalf !== principal.sub) {
      throw notAllowed('X-Actor-Id is for coordinators recording what others did; members act as themselves');
    }
  }

  private checkMemberRule(rule: MemberRule, request: FastifyRequest, principal: Principal): void {
    switch (rule.kind) {
      case 'self': {
        const source = (rule.from === 'body' ? request.body : request.params) as Record<
          string,
          unknown
        > | null;
        const value = typeof source === 'object' && source !== null ? source[rule.field] : undefined;
        // A missing field is for validation to refuse (400), unless the member must name themselves.
        if (value === undefined && !rule.required) return;
        if (value !== principal.sub) {
          throw notAllowed(
            `Members act for themselves: ${rule.field} must be your own member id`,
            'AUTH.NOT_YOURSELF',
          );
        }
        return;
      }
      case 'doetank-lead':
        // Decided by the Doetank's decider (AUTH.NOT_DOETANK_LEAD), on the state the command is decided on.
        return;
      default: {
        const _exhaustive: never = rule;
        return _exhaustive;
      }
    }
  }
}

const invalid = (message: string) => new AuthenticationRequiredError(message, 'AUTH.TOKEN_INVALID');
