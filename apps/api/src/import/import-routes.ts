/**
 * Which endpoint each command of an import line goes to: method and path template, as in the controllers. The one
 * place the importer knows about routes; a unit test checks it against the request examples of every command, so a
 * route that moves in a controller cannot silently break imports.
 */
export const IMPORT_ROUTES = {
  JoinNetwork: { method: 'POST', path: '/members' },
  ChangeAffiliation: { method: 'POST', path: '/members/:memberId/affiliation' },
  LeaveNetwork: { method: 'POST', path: '/members/:memberId/leave' },
  ForgetMember: { method: 'POST', path: '/members/:memberId/forget' },

  ProposeDoetank: { method: 'POST', path: '/doetanks' },
  SharpenProblemStatement: { method: 'POST', path: '/doetanks/:doetankId/problem-statement' },
  AssignCoach: { method: 'POST', path: '/doetanks/:doetankId/coach' },
  SecureClient: { method: 'POST', path: '/doetanks/:doetankId/client' },
  StartDoetank: { method: 'POST', path: '/doetanks/:doetankId/start' },
  JoinDoetank: { method: 'POST', path: '/doetanks/:doetankId/members' },
  LeaveDoetank: { method: 'POST', path: '/doetanks/:doetankId/members/:memberId/leave' },
  ShareResult: { method: 'POST', path: '/doetanks/:doetankId/results' },
  RecordLesson: { method: 'POST', path: '/doetanks/:doetankId/lessons' },
  ConcludeDoetank: { method: 'POST', path: '/doetanks/:doetankId/conclude' },
  StopDoetank: { method: 'POST', path: '/doetanks/:doetankId/stop' },

  ScheduleGathering: { method: 'POST', path: '/gatherings' },
  RegisterForGathering: { method: 'POST', path: '/gatherings/:gatheringId/registrations' },
  CancelRegistration: { method: 'POST', path: '/gatherings/:gatheringId/registrations/:memberId/cancel' },
  AddProgrammeItem: { method: 'POST', path: '/gatherings/:gatheringId/programme' },
  RecordGatheringHeld: { method: 'POST', path: '/gatherings/:gatheringId/held' },
  CancelGathering: { method: 'POST', path: '/gatherings/:gatheringId/cancel' },

  DefineYearThemes: { method: 'PUT', path: '/network-years/:year/themes' },
  AppointStrategicPartner: { method: 'POST', path: '/network-years/:year/strategic-partners' },
  AddSupporter: { method: 'POST', path: '/network-years/:year/supporters' },

  StartDiscussion: { method: 'POST', path: '/discussions' },
  CloseDiscussion: { method: 'POST', path: '/discussions/:discussionId/close' },
} as const satisfies Record<string, { method: 'POST' | 'PUT'; path: string }>;

export type ImportCommand = keyof typeof IMPORT_ROUTES;

export const IMPORT_COMMANDS = Object.keys(IMPORT_ROUTES) as ImportCommand[];

export const isImportCommand = (name: string): name is ImportCommand =>
  Object.prototype.hasOwnProperty.call(IMPORT_ROUTES, name);

/** The `:name` parameters of a path template, in order: `['doetankId', 'memberId']`. */
export const pathParameters = (template: string): string[] =>
  [...template.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);

/**
 * Fills a path template. Every parameter must be given and no other: a line that names a parameter the route does
 * not have is more likely a mistake (a wrong command) than something to ignore.
 */
export function resolvePath(
  template: string,
  params: Readonly<Record<string, string>>,
): { ok: true; path: string } | { ok: false; reason: string } {
  const wanted = pathParameters(template);
  const missing = wanted.filter((name) => params[name] === undefined);
  if (missing.length > 0) {
    return { ok: false, reason: `params lacks ${missing.join(', ')} (the route is ${template})` };
  }
  const extra = Object.keys(params).filter((name) => !wanted.includes(name));
  if (extra.length > 0) {
    return { ok: false, reason: `params has ${extra.join(', ')}, which the route ${template} does not take` };
  }
  return {
    ok: true,
    path: template.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(params[name])),
  };
}
