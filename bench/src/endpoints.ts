// The endpoints the benchmark calls, shared by the api worker (which serves or times them) and the HTTP client.

/** The bare endpoint (POST for the load, GET for latency): the api's Fastify instance and hooks, and no work. */
export const NOOP_PATH = '/bench/noop';

/** The framework floor's routes (baselines/framework-floor.ts): the command routes' paths under this prefix. */
export const FLOOR_PREFIX = '/bench/floor';

/** The Emmett peer's routes (baselines/emmett-peer.ts): the command routes' paths under this prefix. */
export const PEER_PREFIX = '/bench/emmett';

/** The read queries whose latency is measured. */
export type QueryCase =
  | {
      name: string;
      kind: 'timeline';
      filters: { doetank?: string; member?: string; q?: string };
      cursor?: string;
    }
  /** A picker's search as someone types (`GET /members?q=`, `GET /doetanks?q=`): ten suggestions. */
  | { name: string; kind: 'typeahead'; of: 'members' | 'doetanks'; q: string }
  | { name: string; kind: 'history'; doetankId: string }
  | { name: string; kind: 'retrospective'; year: number };

/** Suggestions a picker asks for. */
export const TYPEAHEAD_LIMIT = 10;

/** The request path of a query case. */
export function queryPath(query: QueryCase): string {
  switch (query.kind) {
    case 'timeline': {
      const params = new URLSearchParams();
      if (query.filters.doetank) params.set('doetank', query.filters.doetank);
      if (query.filters.member) params.set('member', query.filters.member);
      if (query.filters.q) params.set('q', query.filters.q);
      if (query.cursor) params.set('cursor', query.cursor);
      const search = params.toString();
      return search ? `/timeline?${search}` : '/timeline';
    }
    case 'typeahead':
      return `/${query.of}?${new URLSearchParams({ q: query.q, limit: String(TYPEAHEAD_LIMIT) }).toString()}`;
    case 'history':
      return `/doetanks/${query.doetankId}/history`;
    case 'retrospective':
      return `/retrospectives/${query.year}`;
    default: {
      const unknown: never = query;
      throw new Error(`Unknown query case ${JSON.stringify(unknown)}`);
    }
  }
}
