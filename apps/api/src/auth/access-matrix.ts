/**
 * Who may call which endpoint: the written-down authorisation matrix. docs/security.md shows it (generated from
 * this table by `npm run docs:access-matrix`, and checked by a test), and the access-matrix integration test
 * calls every endpoint as every kind of caller and expects exactly what it says. AuthGuard enforces it from the
 * routes' decorators (`@Allow`, `@PublicRead`, `@OpenAccess`, `@MemberActsAs`); `lead` (`@MemberLeadsDoetank`) is
 * enforced by the Doetank's decider, on the state it decides the command on.
 */

/** Anonymous callers: always (`open`), only when PUBLIC_READ is on (`public`), or never (401). */
export type AnonymousAccess = 'open' | 'public' | 'no';
/**
 * Members: any member (`yes`), only for themselves (`self`: the member named in the body or path is the token's
 * subject), only as the Doetank's proposer or coach (`lead`), or never (403).
 */
export type MemberAccess = 'yes' | 'self' | 'lead' | 'no';

export interface AccessRow {
  method: 'GET' | 'POST' | 'PUT';
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

const command = (
  method: 'POST' | 'PUT',
  path: string,
  action: string,
  member: MemberAccess,
  rule?: string,
): AccessRow => ({ method, path, action, anonymous: 'no', observer: 'no', member, coordinator: 'yes', rule });

const read = (
  path: string,
  action: string,
  anonymous: AnonymousAccess,
  member: MemberAccess = 'yes',
  observer: 'yes' | 'no' = 'yes',
  rule?: string,
): AccessRow => ({
  method: 'GET',
  path,
  action,
  anonymous,
  observer,
  member,
  coordinator: 'yes',
  rule,
});

const LEAD = 'the Doetank’s proposer or coach';

export const ACCESS_MATRIX: readonly AccessRow[] = [
  command(
    'POST',
    '/members',
    'JoinNetwork',
    'self',
    'body `memberId` (required for a member: self-registration)',
  ),
  command('POST', '/members/:memberId/affiliation', 'ChangeAffiliation', 'self', 'path `memberId`'),
  command('POST', '/members/:memberId/leave', 'LeaveNetwork', 'self', 'path `memberId`'),
  command('POST', '/members/:memberId/forget', 'ForgetMember', 'no'),
  read('/members', 'member directory (names, no e-mail)', 'no'),
  read(
    '/members/:memberId/personal-data',
    'a member’s name and e-mail',
    'no',
    'self',
    'no',
    'path `memberId`',
  ),

  command('POST', '/doetanks', 'ProposeDoetank', 'self', 'body `proposedBy`'),
  command(
    'POST',
    '/doetanks/:doetankId/problem-statement',
    'SharpenProblemStatement',
    'self',
    'body `sharpenedBy`',
  ),
  command('POST', '/doetanks/:doetankId/coach', 'AssignCoach', 'lead', LEAD),
  command('POST', '/doetanks/:doetankId/client', 'SecureClient', 'lead', LEAD),
  command('POST', '/doetanks/:doetankId/start', 'StartDoetank', 'lead', LEAD),
  command('POST', '/doetanks/:doetankId/members', 'JoinDoetank', 'self', 'body `memberId`'),
  command('POST', '/doetanks/:doetankId/members/:memberId/leave', 'LeaveDoetank', 'self', 'path `memberId`'),
  command(
    'POST',
    '/doetanks/:doetankId/results',
    'ShareResult',
    'self',
    'body `sharedBy` (and a member of it)',
  ),
  command(
    'POST',
    '/doetanks/:doetankId/lessons',
    'RecordLesson',
    'self',
    'body `recordedBy` (and a member of it)',
  ),
  command('POST', '/doetanks/:doetankId/conclude', 'ConcludeDoetank', 'lead', LEAD),
  command('POST', '/doetanks/:doetankId/stop', 'StopDoetank', 'lead', LEAD),
  read('/doetanks', 'Doetanks', 'public'),
  read('/doetanks/:doetankId', 'a Doetank', 'public'),
  read('/doetanks/:doetankId/history', 'a Doetank’s audit history', 'no'),
  read('/doetanks/:doetankId/state', 'a Doetank’s state at a revision or moment', 'no'),

  command('POST', '/gatherings', 'ScheduleGathering', 'no'),
  command(
    'POST',
    '/gatherings/:gatheringId/registrations',
    'RegisterForGathering',
    'self',
    'body `memberId`',
  ),
  command(
    'POST',
    '/gatherings/:gatheringId/registrations/:memberId/cancel',
    'CancelRegistration',
    'self',
    'path `memberId`',
  ),
  command('POST', '/gatherings/:gatheringId/programme', 'AddProgrammeItem', 'no'),
  command('POST', '/gatherings/:gatheringId/held', 'RecordGatheringHeld (attendance)', 'no'),
  command('POST', '/gatherings/:gatheringId/cancel', 'CancelGathering', 'no'),
  read('/gatherings', 'gatherings', 'no'),
  read('/gatherings/:gatheringId', 'a gathering', 'no'),

  command('PUT', '/network-years/:year/themes', 'DefineYearThemes', 'no'),
  command('POST', '/network-years/:year/strategic-partners', 'AppointStrategicPartner', 'no'),
  command('POST', '/network-years/:year/supporters', 'AddSupporter', 'no'),

  command('POST', '/discussions', 'StartDiscussion', 'self', 'body `startedBy`'),
  command('POST', '/discussions/:discussionId/close', 'CloseDiscussion', 'no'),

  read('/timeline', 'the timeline (anonymous: without member names)', 'public'),
  read('/retrospectives/:year', 'a year’s retrospective (JSON)', 'public'),
  read('/retrospectives/:year/report', 'a year’s report (HTML, Markdown)', 'public'),
  // The page and its assets hold no data (the script reads the endpoints above, with their own rules).
  read('/', 'the web page', 'open'),
  read('/assets/app.js', 'the web page’s script', 'open'),
  read('/assets/app.css', 'the web page’s styles', 'open'),

  read('/health', 'readiness', 'open'),
  read('/health/live', 'liveness', 'open'),
  read('/metrics', 'Prometheus metrics', 'no'),
  read('/projections', 'projection status', 'no'),
  read('/docs', 'OpenAPI (Swagger UI)', 'open'),
  read('/docs/openapi.json', 'OpenAPI document', 'open'),
];

const ANONYMOUS_TEXT: Record<AnonymousAccess, string> = {
  open: 'yes',
  public: 'if PUBLIC_READ',
  no: '401',
};
const MEMBER_TEXT: Record<MemberAccess, string> = { yes: 'yes', self: 'self', lead: 'lead', no: '403' };

/** The matrix as the Markdown table in docs/security.md. */
export function accessMatrixMarkdown(rows: readonly AccessRow[] = ACCESS_MATRIX): string {
  const lines = [
    '| endpoint | what | anonymous | observer | member | coordinator | a member only when |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(
      `| \`${row.method} ${row.path}\` | ${row.action} | ${ANONYMOUS_TEXT[row.anonymous]} | ` +
        `${row.observer === 'yes' ? 'yes' : '403'} | ${MEMBER_TEXT[row.member]} | ` +
        `${row.coordinator === 'yes' ? 'yes' : '403'} | ${row.rule ?? ''} |`,
    );
  }
  return lines.join('\n');
}

export const MATRIX_BEGIN = '<!-- access-matrix:begin (generated by npm run docs:access-matrix) -->';
export const MATRIX_END = '<!-- access-matrix:end -->';

/** `text` with the part between the markers replaced by the current matrix. */
export function withAccessMatrix(text: string): string {
  const begin = text.indexOf(MATRIX_BEGIN);
  const end = text.indexOf(MATRIX_END);
  if (begin < 0 || end < begin)
    throw new Error(`The document has no ${MATRIX_BEGIN} ... ${MATRIX_END} section`);
  // Blank lines around the table, as Markdown formatters (prettier) write it.
  return `${text.slice(0, begin + MATRIX_BEGIN.length)}\n\n${accessMatrixMarkdown()}\n\n${text.slice(end)}`;
}
