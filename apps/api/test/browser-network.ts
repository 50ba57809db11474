import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../src/app.factory';
import { loadAppConfig } from '../src/config/app.config';
import { loadDemoDataOnFirstStart } from '../src/import/demo-data.loader';
import { ApiHarness } from './api-harness';

/** The demo year (2011-2012) that a first `npm start` loads. */
export const DEMO_FILE = join(__dirname, '..', '..', '..', 'data', 'demo', 'slimmernetwerk-2012.ndjson');

/**
 * Loads the demo year into a new database `test.db` in `dir` (where {@link ApiHarness} looks), the way a first
 * start does, without running the projections: the harness started on `dir` builds the read models. False when the
 * demo file is missing.
 */
export async function loadDemoYear(dir: string): Promise<boolean> {
  if (!existsSync(DEMO_FILE)) return false;
  const config = loadAppConfig({
    SQLITE_FILE: join(dir, 'test.db'),
    LOG_LEVEL: 'silent',
    EMBEDDED_PROJECTOR: 'false',
    DEMO_DATA: 'true',
    DEMO_DATA_FILE: DEMO_FILE,
  });
  const app = await createApiApp({ config });
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  try {
    await loadDemoDataOnFirstStart(app, config, quiet);
  } finally {
    await app.close();
  }
  return true;
}

/**
 * The API as a first `npm start` leaves it: on the demo year (loaded into a new folder named after `purpose`), its
 * projector embedded, its pages readable without a token.
 */
export async function startOnDemoYear(purpose: string): Promise<ApiHarness> {
  const dir = mkdtempSync(join(tmpdir(), `slimmernetwerk-${purpose}-`));
  await loadDemoYear(dir);
  return ApiHarness.start({
    dir,
    env: { EMBEDDED_PROJECTOR: 'true', DEMO_DATA: 'false', PUBLIC_READ: 'true' },
  });
}

/** A title a member could type: the page and the report must show it as text, never run it. */
export const SCRIPT_TITLE = '<script>window.__pwned = true</script> Veilig delen?';

export interface BrowserNetwork {
  /** 'De gemeente zonder huis': proposed on a theme, started, three members, a result and a lesson, concluded. */
  doetankA: string;
  doetankATitle: string;
  /** The correlation id of the proposal of Doetank A (X-Correlation-Id), shown in its history. */
  proposalCorrelationId: string;
  /** The Doetank whose title is {@link SCRIPT_TITLE}. */
  doetankScript: string;
  /** Position of the last event written. */
  lastPosition: number;
}

const NAMES = [
  'Sanne de Vries',
  'Pieter Jansen',
  'Fatima El Amrani',
  'Joost Verhoeven',
  'Anna Bakker',
  'Kees Visser',
  'Els de Jong',
  'Mohamed Yilmaz',
  'Lotte Smit',
  'Bram Mulder',
  'Ingrid Bos',
  'Thijs van Dijk',
  'Noor Hendriks',
  'Ruud Meijer',
  'Eva Dekker',
  'Daan Brouwer',
  'Sophie de Graaf',
  'Jeroen Kok',
  'Marieke Peters',
  'Hans van Leeuwen',
  'Yvonne Vos',
  'Erik Willems',
  'Karin Jacobs',
  'Martijn Schouten',
  'Anouk Hoekstra',
  'Wouter Koster',
  'Linda Prins',
  'Stefan Huisman',
  'Iris Kuipers',
  'Gerard Post',
];
const SECTORS = [
  'gemeente',
  'rijk',
  'provincie',
  'gemeente',
  'uitvoeringsorganisatie',
  'waterschap',
  'politie',
];
const ROLES = ['professional', 'professional', 'manager', 'professional', 'administrator'];

/**
 * A small network of 2011 and 2012 (on top of the demo year, when loaded), written through the command endpoints with past business times: 30 members
 * (10 in 2011, 20 in 2012), the themes, partner and supporters of 2012, five Doetanks in every stage (one with a
 * `<script>` title), four gatherings held and one cancelled, two discussions. About 80 timeline entries: several
 * pages of the web page's timeline.
 */
export async function scriptBrowserNetwork(api: ApiHarness): Promise<BrowserNetwork> {
  let lastPosition = 0;
  const send = async (
    path: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
    method: 'POST' | 'PUT' = 'POST',
  ) => {
    const answer = await api.request(method, path, body, headers);
    if (answer.status >= 300)
      throw new Error(`${method} ${path} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    lastPosition = answer.body.position;
    return answer.body;
  };
  const suffix = randomUUID().slice(0, 8);

  const members: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const memberId = randomUUID();
    // 10 in 2011 (March to December), 20 in 2012 (January to December).
    const occurredAt =
      i < 10
        ? `2011-${String(3 + Math.floor((i * 9) / 10)).padStart(2, '0')}-${String(3 + i).padStart(2, '0')}T09:00:00Z`
        : `2012-${String(1 + Math.floor(((i - 10) * 12) / 20)).padStart(2, '0')}-${String(2 + (i % 25)).padStart(2, '0')}T09:00:00Z`;
    await send('/members', {
      memberId,
      name,
      email: `member-${i}-${suffix}@example.nl`,
      organisation: `Organisatie ${i % 7}`,
      sector: SECTORS[i % SECTORS.length],
      role: ROLES[i % ROLES.length],
      occurredAt,
    });
    members.push(memberId);
  }
  const [sanne, pieter, fatima, joost, anna, kees, els] = members;
  const in2012 = members.slice(10);

  await send(
    '/network-years/2012/themes',
    {
      themes: [
        { themeId: '2012-slim-werken', title: 'Slim werken' },
        { themeId: '2012-minder-regels', title: 'Minder regels, meer ruimte' },
        { themeId: '2012-samenwerking', title: 'Samenwerking in de keten' },
      ],
      occurredAt: '2011-12-08T10:00:00Z',
    },
    {},
    'PUT',
  );
  await send('/network-years/2012/strategic-partners', {
    organisation: 'KING (Kwaliteitsinstituut Nederlandse Gemeenten)',
    description: 'Brengt Doetank-resultaten onder de aandacht van alle gemeenten.',
    occurredAt: '2012-01-20T10:00:00Z',
  });
  for (const [i, name] of ['Jan de Boer', 'Wilma Vermeulen', 'Henk Groen'].entries()) {
    await send('/network-years/2012/supporters', {
      supporterId: randomUUID(),
      name,
      affiliation: ['Ministerie van BZK', 'Gemeente Rotterdam', 'Provincie Utrecht'][i],
      occurredAt: `2012-02-${10 + i}T10:00:00Z`,
    });
  }

  const doetank = async (
    title: string,
    proposedBy: string,
    occurredAt: string,
    themeId?: string,
    headers: Record<string, string> = {},
  ) => {
    const doetankId = randomUUID();
    await send(
      '/doetanks',
      {
        doetankId,
        title,
        problemStatement: `Waar lopen we tegenaan bij "${title}", en wat kunnen we daar zelf aan doen?`,
        proposedBy,
        ...(themeId ? { themeId } : {}),
        occurredAt,
      },
      // The harness sends as a coordinator, who records the proposal on behalf of the member who made it.
      { 'X-Actor-Id': proposedBy, ...headers },
    );
    return {
      id: doetankId,
      act: (path: string, body: Record<string, unknown>, actor?: string) =>
        send(`/doetanks/${doetankId}${path}`, body, actor ? { 'X-Actor-Id': actor } : {}),
    };
  };

  // 2011: a Doetank that concludes in 2012, a Café.
  const e = await doetank('Open data in de provincie', sanne, '2011-10-03T10:00:00Z');
  await e.act('/coach', { coachId: joost, occurredAt: '2011-10-10T10:00:00Z' });
  await e.act('/start', { occurredAt: '2011-11-01T10:00:00Z' });
  await e.act('/conclude', {
    conclusion: 'Twee provincies publiceren hun data.',
    occurredAt: '2012-03-15T10:00:00Z',
  });

  const proposalCorrelationId = `browser-propose-${suffix}`;
  const doetankATitle = 'De gemeente zonder huis';
  const a = await doetank(doetankATitle, fatima, '2012-02-01T10:00:00Z', '2012-slim-werken', {
    'X-Correlation-Id': proposalCorrelationId,
  });
  await a.act('/coach', { coachId: joost, occurredAt: '2012-02-15T10:00:00Z' }, fatima);
  await a.act('/start', { occurredAt: '2012-03-01T10:00:00Z' }, joost);
  for (const [i, member] of [anna, kees, in2012[0]].entries())
    await a.act('/members', { memberId: member, occurredAt: `2012-03-0${5 + i}T10:00:00Z` });
  // A leave with its reason, so the audit view shows why as well as what.
  await a.act(`/members/${in2012[0]}/leave`, {
    reason: 'Andere baan, geen tijd meer.',
    occurredAt: '2012-06-01T10:00:00Z',
  });
  await a.act('/results', {
    resultId: randomUUID(),
    kind: 'business-case',
    title: 'Businesscase flexwerken',
    link: 'https://example.nl/businesscase-flexwerken.pdf',
    sharedBy: anna,
    occurredAt: '2012-09-20T10:00:00Z',
  });
  await a.act('/lessons', {
    lessonId: randomUUID(),
    lesson: 'Begin klein: één afdeling die flexwerkt overtuigt meer dan tien nota’s.',
    recordedBy: joost,
    occurredAt: '2012-10-02T10:00:00Z',
  });
  await a.act(
    '/conclude',
    { conclusion: 'Drie gemeenten gaan ermee verder.', occurredAt: '2012-11-22T15:00:00Z' },
    joost,
  );

  const b = await doetank('Regels op de werkvloer', pieter, '2012-03-12T10:00:00Z', '2012-minder-regels');
  await b.act('/coach', { coachId: els, occurredAt: '2012-03-20T10:00:00Z' });
  await b.act('/stop', {
    reason: 'De opdrachtgever viel weg na een reorganisatie.',
    occurredAt: '2012-05-30T10:00:00Z',
  });

  const c = await doetank('Samen in de keten', kees, '2012-04-02T10:00:00Z', '2012-samenwerking');
  await c.act('/coach', { coachId: pieter, occurredAt: '2012-04-10T10:00:00Z' });
  await c.act('/start', { occurredAt: '2012-06-04T10:00:00Z' });
  await c.act('/members', { memberId: in2012[1], occurredAt: '2012-06-06T10:00:00Z' });
  await c.act('/results', {
    resultId: randomUUID(),
    kind: 'film',
    title: 'De keten in beeld',
    sharedBy: kees,
    occurredAt: '2012-10-15T10:00:00Z',
  });

  const script = await doetank(SCRIPT_TITLE, in2012[2], '2012-09-10T10:00:00Z');

  // Gatherings: a Café in 2011; a Café, a Masterclass and the Grand Café held in 2012; a Café cancelled.
  const gathering = async (
    kind: string,
    title: string,
    startsAt: string,
    venue: string,
    attendees: string[] | 'cancel',
  ) => {
    const gatheringId = randomUUID();
    const scheduledAt = new Date(Date.parse(startsAt) - 30 * 24 * 3600 * 1000).toISOString();
    await send('/gatherings', {
      gatheringId,
      kind,
      title,
      startsAt,
      venue,
      city: 'Amsterdam',
      capacity: 120,
      occurredAt: scheduledAt,
    });
    const after = new Date(Date.parse(startsAt) + 3 * 3600 * 1000).toISOString();
    if (attendees === 'cancel') {
      const cancelledAt = new Date(Date.parse(startsAt) - 10 * 24 * 3600 * 1000).toISOString();
      await send(`/gatherings/${gatheringId}/cancel`, {
        reason: 'Te weinig aanmeldingen.',
        occurredAt: cancelledAt,
      });
    } else await send(`/gatherings/${gatheringId}/held`, { attendees, occurredAt: after });
  };
  await gathering(
    'cafe',
    'Café Open data',
    '2011-11-24T16:00:00Z',
    'Pakhuis de Zwijger',
    members.slice(0, 6),
  );
  await gathering(
    'cafe',
    'Café Slim werken',
    '2012-03-22T16:00:00Z',
    'Pakhuis de Zwijger',
    members.slice(2, 12),
  );
  await gathering(
    'masterclass',
    'Masterclass Doen wat werkt',
    '2012-06-14T13:00:00Z',
    'Kennisland',
    members.slice(8, 16),
  );
  await gathering(
    'grand-cafe',
    'Grand Café 2012',
    '2012-11-22T15:00:00Z',
    'Beurs van Berlage',
    members.slice(0, 26),
  );
  await gathering('cafe', 'Café December', '2012-12-13T16:00:00Z', 'Pakhuis de Zwijger', 'cancel');

  for (const [i, title] of ['Wie werkt er al plaatsonafhankelijk?', 'Regels die niemand kent'].entries()) {
    await send('/discussions', {
      discussionId: randomUUID(),
      title,
      link: `https://www.linkedin.com/groups/2895643/discussions/${i}`,
      startedBy: members[12 + i],
      occurredAt: `2012-0${4 + i * 3}-1${i}T20:00:00Z`,
    });
  }

  return { doetankA: a.id, doetankATitle, proposalCorrelationId, doetankScript: script.id, lastPosition };
}
