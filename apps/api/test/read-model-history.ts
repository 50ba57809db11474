import { randomUUID } from 'node:crypto';
import { ApiHarness, type HttpAnswer } from './api-harness';

/** What the timeline should show for one step of the history (every field the timeline filters on). */
export interface ExpectedEntry {
  type: string;
  occurredAt: string;
  kind: 'member' | 'doetank' | 'gathering' | 'network' | 'discussion';
  doetankId?: string;
  gatheringId?: string;
  memberIds: string[];
  themeIds: string[];
}

export interface ScriptedHistory {
  ids: {
    fatima: string;
    joost: string;
    anna: string;
    pieter: string;
    /** 'De gemeente zonder huis': proposed on a theme, started, concluded with a result. */
    doetankA: string;
    /** 'Regels op de werkvloer': proposed by Pieter, stopped. */
    doetankB: string;
    /** The Grand Café of 2012: held. */
    grandCafe: string;
    /** A Café of 2013: cancelled. */
    cafe: string;
    discussion: string;
  };
  /** Every timeline entry of the history, newest first. */
  timeline: ExpectedEntry[];
  /** Position of the last event written. */
  lastPosition: number;
}

export const THEMES = [
  { themeId: '2012-slim-werken', title: 'Slim werken' },
  { themeId: '2012-open-data', title: 'Open data' },
];

/**
 * A small network, written through the command endpoints: four members (Pieter leaves and is forgotten in 2013),
 * two Doetanks (one concluded with a result, one stopped), a Grand Café held and a Café cancelled, a discussion, and
 * the themes of 2012. Business times are all distinct, so the timeline's order is fully determined by them.
 */
export async function scriptHistory(api: ApiHarness): Promise<ScriptedHistory> {
  const timeline: ExpectedEntry[] = [];
  let lastPosition = 0;
  const send = async (
    method: 'POST' | 'PUT',
    path: string,
    body: Record<string, unknown>,
    entry: Omit<ExpectedEntry, 'occurredAt'>,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer> => {
    const answer = await api.request(method, path, body, headers);
    if (answer.status >= 300) {
      throw new Error(`${method} ${path} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    lastPosition = answer.body.position;
    timeline.push({ ...entry, occurredAt: new Date(body.occurredAt as string).toISOString() });
    return answer;
  };
  const suffix = randomUUID().slice(0, 8);
  const join = async (
    name: string,
    organisation: string,
    sector: string,
    role: string,
    occurredAt: string,
  ) => {
    const memberId = randomUUID();
    const email = `${name.split(' ')[0].toLowerCase()}-${suffix}@example.nl`;
    await send(
      'POST',
      '/members',
      { memberId, name, email, organisation, sector, role, occurredAt },
      { type: 'MemberJoined', kind: 'member', memberIds: [memberId], themeIds: [] },
    );
    return memberId;
  };

  await send(
    'PUT',
    '/network-years/2012/themes',
    { themes: THEMES, occurredAt: '2011-12-01T10:00:00Z' },
    { type: 'YearThemesDefined', kind: 'network', memberIds: [], themeIds: THEMES.map((t) => t.themeId) },
  );
  const fatima = await join(
    'Fatima El Amrani',
    'Gemeente Zaanstad',
    'gemeente',
    'professional',
    '2012-01-10T09:00:00Z',
  );
  const joost = await join('Joost Verhoeven', 'Kennisland', 'overig', 'manager', '2012-01-11T09:00:00Z');
  const anna = await join(
    'Anna Bakker',
    'Rijkswaterstaat',
    'uitvoeringsorganisatie',
    'professional',
    '2012-01-12T09:00:00Z',
  );
  const pieter = await join(
    'Pieter Jansen',
    'Politie Amsterdam',
    'politie',
    'administrator',
    '2012-01-13T09:00:00Z',
  );

  const doetankA = randomUUID();
  const onA = { kind: 'doetank' as const, doetankId: doetankA, themeIds: ['2012-slim-werken'] };
  await send(
    'POST',
    '/doetanks',
    {
      doetankId: doetankA,
      title: 'De gemeente zonder huis',
      problemStatement: 'Wat als de gemeente geen gemeentehuis meer heeft en overal werkt?',
      proposedBy: fatima,
      themeId: '2012-slim-werken',
      occurredAt: '2012-02-01T10:00:00Z',
    },
    { ...onA, type: 'DoetankProposed', memberIds: [fatima] },
  );
  await send(
    'POST',
    `/doetanks/${doetankA}/coach`,
    { coachId: joost, occurredAt: '2012-02-15T10:00:00Z' },
    { ...onA, type: 'CoachAssigned', memberIds: [joost] },
    { 'X-Actor-Id': fatima },
  );
  await send(
    'POST',
    `/doetanks/${doetankA}/start`,
    { occurredAt: '2012-03-01T10:00:00Z' },
    { ...onA, type: 'DoetankStarted', memberIds: [] },
    { 'X-Actor-Id': joost },
  );
  await send(
    'POST',
    `/doetanks/${doetankA}/members`,
    { memberId: anna, occurredAt: '2012-03-05T10:00:00Z' },
    { ...onA, type: 'MemberJoinedDoetank', memberIds: [anna] },
  );

  const doetankB = randomUUID();
  const onB = { kind: 'doetank' as const, doetankId: doetankB, themeIds: [] };
  await send(
    'POST',
    '/doetanks',
    {
      doetankId: doetankB,
      title: 'Regels op de werkvloer',
      problemStatement: 'Welke regels houden agenten op straat tegen, en welke bestaan alleen in hun hoofd?',
      proposedBy: pieter,
      occurredAt: '2012-04-01T10:00:00Z',
    },
    { ...onB, type: 'DoetankProposed', memberIds: [pieter] },
  );
  const discussion = randomUUID();
  await send(
    'POST',
    '/discussions',
    {
      discussionId: discussion,
      title: 'Wie werkt al zonder vaste plek?',
      link: 'https://www.linkedin.com/groups/2895643/discussions/zonder-vaste-plek',
      startedBy: joost,
      doetankId: doetankA,
      occurredAt: '2012-05-01T20:00:00Z',
    },
    {
      type: 'DiscussionStarted',
      kind: 'discussion',
      doetankId: doetankA,
      memberIds: [joost],
      themeIds: ['2012-slim-werken'],
    },
  );
  await send(
    'POST',
    `/doetanks/${doetankB}/stop`,
    { reason: 'Geen opdrachtgever gevonden', occurredAt: '2012-06-01T10:00:00Z' },
    { ...onB, type: 'DoetankStopped', memberIds: [] },
  );

  const grandCafe = randomUUID();
  const atGrandCafe = { kind: 'gathering' as const, gatheringId: grandCafe, themeIds: [] };
  await send(
    'POST',
    '/gatherings',
    {
      gatheringId: grandCafe,
      kind: 'grand-cafe',
      title: 'Grand Café Slimmernetwerk 2012',
      startsAt: '2012-11-22T18:00:00Z',
      venue: 'Beurs van Berlage',
      city: 'Amsterdam',
      capacity: 100,
      occurredAt: '2012-06-10T10:00:00Z',
    },
    { ...atGrandCafe, type: 'GatheringScheduled', memberIds: [] },
  );
  await send(
    'POST',
    `/doetanks/${doetankA}/results`,
    {
      kind: 'business-case',
      title: 'Businesscase flexwerken',
      link: 'https://example.nl/bc.pdf',
      sharedBy: anna,
      occurredAt: '2012-09-20T10:00:00Z',
    },
    { ...onA, type: 'ResultShared', memberIds: [anna] },
  );
  await send(
    'POST',
    `/gatherings/${grandCafe}/registrations`,
    { memberId: anna, occurredAt: '2012-10-01T10:00:00Z' },
    { ...atGrandCafe, type: 'ParticipantRegistered', memberIds: [anna] },
  );
  await send(
    'POST',
    `/doetanks/${doetankA}/conclude`,
    { conclusion: 'Drie gemeenten gaan ermee verder', occurredAt: '2012-11-22T15:00:00Z' },
    { ...onA, type: 'DoetankConcluded', memberIds: [] },
    { 'X-Actor-Id': joost },
  );
  await send(
    'POST',
    `/gatherings/${grandCafe}/held`,
    { attendees: [anna, pieter, fatima], occurredAt: '2012-11-22T23:00:00Z' },
    { ...atGrandCafe, type: 'GatheringHeld', memberIds: [anna, pieter, fatima] },
  );

  const cafe = randomUUID();
  const atCafe = { kind: 'gathering' as const, gatheringId: cafe, themeIds: [] };
  await send(
    'POST',
    '/gatherings',
    {
      gatheringId: cafe,
      kind: 'cafe',
      title: 'Café Den Haag',
      startsAt: '2013-03-14T16:00:00Z',
      venue: 'Nieuwspoort',
      city: 'Den Haag',
      capacity: 40,
      occurredAt: '2013-01-15T10:00:00Z',
    },
    { ...atCafe, type: 'GatheringScheduled', memberIds: [] },
  );
  await send(
    'POST',
    `/gatherings/${cafe}/cancel`,
    { reason: 'Te weinig aanmeldingen', occurredAt: '2013-02-01T10:00:00Z' },
    { ...atCafe, type: 'GatheringCancelled', memberIds: [] },
  );
  await send(
    'POST',
    `/members/${pieter}/leave`,
    { occurredAt: '2013-03-01T10:00:00Z' },
    { type: 'MemberLeft', kind: 'member', memberIds: [pieter], themeIds: [] },
  );
  await send(
    'POST',
    `/members/${pieter}/forget`,
    { reason: 'Verzoek tot verwijdering', occurredAt: '2013-04-01T10:00:00Z' },
    { type: 'MemberForgotten', kind: 'member', memberIds: [pieter], themeIds: [] },
  );

  timeline.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1));
  return {
    ids: { fatima, joost, anna, pieter, doetankA, doetankB, grandCafe, cafe, discussion },
    timeline,
    lastPosition,
  };
}

/** Every page of a listing, following `nextCursor`; fails on a repeated id. */
export async function walkPages(
  api: ApiHarness,
  path: string,
  options: { minPosition?: number; maxPages?: number } = {},
): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const params = new URLSearchParams();
    if (cursor) params.set('cursor', cursor);
    if (options.minPosition !== undefined) params.set('minPosition', String(options.minPosition));
    const separator = path.includes('?') ? '&' : '?';
    const answer = await api.request('GET', `${path}${params.size ? separator + params : ''}`);
    if (answer.status !== 200)
      throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    for (const item of answer.body.items) {
      if (seen.has(item.id)) throw new Error(`${item.id} repeated on page ${pages + 1} of ${path}`);
      seen.add(item.id);
      items.push(item);
    }
    cursor = answer.body.nextCursor;
    pages++;
    if (pages > (options.maxPages ?? 100)) throw new Error(`too many pages for ${path}`);
  } while (cursor);
  return { items, pages };
}

/**
 * The scripted history for the tests of the enclosing `describe`: a harness with the embedded projector, the history
 * written before the first test and projected up to its last event. `history()` answers once it is written.
 */
export function scriptedHistoryForTests(): { api: ApiHarness; history: () => ScriptedHistory } {
  const api = ApiHarness.forTests({ env: { EMBEDDED_PROJECTOR: 'true' } });
  let written: ScriptedHistory | undefined;
  beforeAll(async () => {
    written = await scriptHistory(api);
    await api.request('GET', `/timeline?minPosition=${written.lastPosition}`);
  });
  return {
    api,
    history: () => {
      if (!written) throw new Error('the scripted history is written before the first test');
      return written;
    },
  };
}
