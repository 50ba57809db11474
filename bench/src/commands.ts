import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import type { HttpClient } from './http-client';

/**
 * The command load: a mix of the network's everyday commands, with bodies made so that nearly all are accepted.
 * Members, Doetanks and gatherings are created before the load; during it every request gets fresh ids (autocannon
 * calls the request set-up for every request), and the pairs that must be new (a member joining a Doetank, a
 * registration) walk through the pools so that none repeats and consecutive requests hit different streams.
 */

/** The pools the load draws on. Sized for well over 10,000 commands per second for 20 s plus warm-up. */
export const POOL_SIZES = { members: 1000, doetanks: 100, gatherings: 100 } as const;

export interface CommandPools {
  members: string[];
  doetanks: { id: string; proposer: string }[];
  gatherings: string[];
}

export const COMMAND_KINDS = [
  'join network',
  'propose Doetank',
  'join Doetank',
  'register for gathering',
  'share result',
] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** The two commands the peer (Emmett) implements too. */
export const PEER_KINDS: readonly CommandKind[] = ['join network', 'propose Doetank'];

export interface CommandRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

const SECTORS = ['gemeente', 'rijk', 'provincie', 'uitvoeringsorganisatie'] as const;

const memberBody = (memberId: string, n: number) => ({
  memberId,
  name: `Bench Lid ${n}`,
  email: `bench-${memberId}@example.nl`,
  organisation: 'Gemeente Utrecht',
  sector: SECTORS[n % SECTORS.length],
  role: 'professional',
});

const doetankBody = (doetankId: string, proposedBy: string, n: number) => ({
  doetankId,
  title: `Benchmark-Doetank ${n}`,
  problemStatement: 'Professionals lopen vast op regels die niemand meer begrijpt.',
  proposedBy,
});

/** Creates the pools through the API itself, a few requests at a time. */
export async function createPools(
  client: HttpClient,
  onProgress: (done: number, total: number) => void,
): Promise<CommandPools> {
  const total = POOL_SIZES.members + POOL_SIZES.doetanks * 3 + POOL_SIZES.gatherings;
  let done = 0;
  const step = async (work: () => Promise<void>) => {
    await work();
    onProgress(++done, total);
  };
  const members = Array.from({ length: POOL_SIZES.members }, () => randomUUID());
  await inParallel(members, 8, (id, i) => step(() => client.command('/members', memberBody(id, i))));

  const doetanks = Array.from({ length: POOL_SIZES.doetanks }, (_, i) => ({
    id: randomUUID(),
    proposer: members[i % members.length],
    coach: members[(i + 1) % members.length],
  }));
  await inParallel(doetanks, 8, async (d, i) => {
    await step(() => client.command('/doetanks', doetankBody(d.id, d.proposer, i)));
    await step(() =>
      client.command(`/doetanks/${d.id}/coach`, { coachId: d.coach }, { 'x-actor-id': d.proposer }),
    );
    await step(() => client.command(`/doetanks/${d.id}/start`, {}, { 'x-actor-id': d.coach }));
  });

  const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const gatherings = Array.from({ length: POOL_SIZES.gatherings }, () => randomUUID());
  await inParallel(gatherings, 8, (id, i) =>
    step(() =>
      client.command('/gatherings', {
        gatheringId: id,
        kind: i % 10 === 0 ? 'masterclass' : 'cafe',
        title: `Slimmernetwerk Café ${i}`,
        startsAt,
        venue: 'Seats2meet',
        city: 'Utrecht',
        // Never full during the load: a refusal for a full gathering would be a rule at work, not the load.
        capacity: POOL_SIZES.members,
      }),
    ),
  );
  return { members, doetanks: doetanks.map(({ id, proposer }) => ({ id, proposer })), gatherings };
}

/**
 * The next command of the mix, round-robin over {@link COMMAND_KINDS}. Each carries its own Idempotency-Key, as
 * the README asks of clients (so the api also writes an idempotency record per command).
 */
export function mixedCommands(
  pools: CommandPools,
  headers: Record<string, string>,
  options: { kinds?: readonly CommandKind[]; prefix?: string; idempotencyKey?: boolean } = {},
): () => CommandRequest {
  const { members, doetanks, gatherings } = pools;
  // A subset of the kinds (the peer's two), the routes under a prefix (the baselines'), without Idempotency-Key.
  const { kinds = COMMAND_KINDS, prefix = '', idempotencyKey = true } = options;
  const counters = new Array<number>(kinds.length).fill(0);
  let next = 0;
  const request = (path: string, body: unknown): CommandRequest => ({
    method: 'POST',
    path: `${prefix}${path}`,
    headers: {
      ...headers,
      'content-type': 'application/json',
      ...(idempotencyKey && { 'idempotency-key': randomUUID() }),
    },
    body: JSON.stringify(body),
  });
  return () => {
    const kind = next++ % kinds.length;
    const k = counters[kind]++;
    switch (kinds[kind]) {
      case 'join network':
        return request('/members', memberBody(randomUUID(), k));
      case 'propose Doetank':
        return request('/doetanks', doetankBody(randomUUID(), members[k % members.length], k));
      case 'join Doetank': {
        // Doetank k mod D, and for it member (k div D) shifted past its proposer and coach: every pair is new
        // until D x M joins.
        const d = k % doetanks.length;
        const member = members[(Math.floor(k / doetanks.length) + d + 2) % members.length];
        return request(`/doetanks/${doetanks[d].id}/members`, { memberId: member });
      }
      case 'register for gathering': {
        const g = k % gatherings.length;
        const member = members[Math.floor(k / gatherings.length) % members.length];
        return request(`/gatherings/${gatherings[g]}/registrations`, { memberId: member });
      }
      case 'share result': {
        const doetank = doetanks[k % doetanks.length];
        return request(`/doetanks/${doetank.id}/results`, {
          resultId: randomUUID(),
          kind: 'business-case',
          title: `Resultaat ${k}`,
          link: 'https://example.nl/resultaat.pdf',
          sharedBy: doetank.proposer,
        });
      }
    }
  };
}

export interface LoadResult {
  seconds: number;
  requests: number;
  accepted: number;
  /** Accepted (2xx) requests per second. */
  acceptedPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

/** Runs autocannon against `baseUrl` for `seconds` with `connections`, every request made by `next`. */
export async function runLoad(
  baseUrl: string,
  options: { connections: number; seconds: number; next: () => CommandRequest; onTick?: (s: number) => void },
): Promise<LoadResult> {
  const started = Date.now();
  const timer = setInterval(() => options.onTick?.((Date.now() - started) / 1000), 250);
  try {
    const result = await autocannon({
      url: baseUrl,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        { method: 'POST', path: '/', setupRequest: (request) => ({ ...request, ...options.next() }) },
      ],
    });
    const statusCodes: Record<string, number> = {};
    for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
      statusCodes[code] = stats?.count ?? 0;
    }
    const accepted = result['2xx'];
    return {
      seconds: result.duration,
      requests: result.requests.total,
      accepted,
      acceptedPerSecond: accepted / result.duration,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
    };
  } finally {
    clearInterval(timer);
  }
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  });
  await Promise.all(lanes);
}
