import { apiRoutes } from '../routes/api-routes';
import { markdownTable } from '../routes/markdown-table';
import { routeKey, type RouteEntry } from '../routes/route-catalogue';

/**
 * Who may call which endpoint: the authorisation matrix, read from the routes' own declarations (the access
 * decorators `@Allow`, `@PublicRead`, `@OpenAccess`, `@MemberActsAs`, `@MemberLeadsDoetank`, which AuthGuard
 * enforces, and the command of `ApiCommand` or the `@Shows` of a read). docs/security.md shows it (written by
 * `npm run docs:routes`, checked by a test), and the access-matrix integration test calls every endpoint as every
 * kind of caller and expects exactly what it says. `lead` (`@MemberLeadsDoetank`) is enforced by the Doetank's
 * decider, on the state it decides the command on; the guard only declares it.
 */

/** Anonymous callers: always (`open`), only when PUBLIC_READ is on (`public`), or never (401). */
export type AnonymousAccess = 'open' | 'public' | 'no';
/**
 * Members: any member (`yes`), only for themselves (`self`: the member named in the body or path is the token's
 * subject), only as the Doetank's proposer or coach (`lead`), or never (403).
 */
export type MemberAccess = 'yes' | 'self' | 'lead' | 'no';

export interface AccessRow {
  method: RouteEntry['method'];
  /** The route, with `:name` parameters. */
  path: string;
  /** The command, or what is read. */
  action: string;
  anonymous: AnonymousAccess;
  observer: 'yes' | 'no';
  member: MemberAccess;
  coordinator: 'yes' | 'no';
  /** For `self` and `lead`: which field names the member. */
  rule?: string;
}

const LEAD = 'the Doetank’s proposer or coach';

/**
 * A route's row. A route must declare its access (the guard's defaults are a safety net, not a decision someone
 * wrote down) and say what it does (the command it sends, or `@Shows`); otherwise this throws, which fails the
 * documentation, the matrix's tests and `npm run docs:routes`.
 */
export function accessRowOf(route: RouteEntry): AccessRow {
  const { access, memberRule, command } = route;
  const where = `${routeKey(route)} (${route.source})`;
  if (!access) {
    throw new Error(`${where} declares no access: add @Allow(...), @PublicRead() or @OpenAccess()`);
  }
  const action = command ? `${command.name}${command.note ? ` (${command.note})` : ''}` : route.shows;
  if (!action) throw new Error(`${where} does not say what it does: use ApiCommand or @Shows('...')`);
  const memberAllowed = access.roles.includes('member');
  const member: MemberAccess = !memberAllowed
    ? 'no'
    : memberRule?.kind === 'self'
      ? 'self'
      : memberRule?.kind === 'doetank-lead'
        ? 'lead'
        : 'yes';
  const rule =
    member === 'self' && memberRule?.kind === 'self'
      ? `${memberRule.from} \`${memberRule.field}\`${memberRule.note ? ` (${memberRule.note})` : ''}`
      : member === 'lead'
        ? LEAD
        : undefined;
  return {
    method: route.method,
    path: route.path,
    action,
    anonymous: access.open ? 'open' : access.publicRead ? 'public' : 'no',
    observer: access.roles.includes('observer') ? 'yes' : 'no',
    member,
    coordinator: access.roles.includes('coordinator') ? 'yes' : 'no',
    ...(rule !== undefined && { rule }),
  };
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ALL', 'SEARCH'];

/** The rows of `routes`, by path, then method: each area's commands and reads together. */
export function accessMatrix(routes: readonly RouteEntry[] = apiRoutes()): AccessRow[] {
  return routes
    .map(accessRowOf)
    .sort((a, b) =>
      a.path === b.path
        ? METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method)
        : a.path < b.path
          ? -1
          : 1,
    );
}

export const ACCESS_MATRIX: readonly AccessRow[] = accessMatrix();

const ANONYMOUS_TEXT: Record<AnonymousAccess, string> = {
  open: 'yes',
  public: 'if PUBLIC_READ',
  no: '401',
};
const MEMBER_TEXT: Record<MemberAccess, string> = { yes: 'yes', self: 'self', lead: 'lead', no: '403' };

/** The matrix as the Markdown table in docs/security.md. */
export function accessMatrixMarkdown(rows: readonly AccessRow[] = ACCESS_MATRIX): string {
  return markdownTable(
    ['endpoint', 'what', 'anonymous', 'observer', 'member', 'coordinator', 'a member only when'],
    rows.map((row) => [
      `\`${row.method} ${row.path}\``,
      row.action,
      ANONYMOUS_TEXT[row.anonymous],
      row.observer === 'yes' ? 'yes' : '403',
      MEMBER_TEXT[row.member],
      row.coordinator === 'yes' ? 'yes' : '403',
      row.rule ?? '',
    ]),
  );
}
