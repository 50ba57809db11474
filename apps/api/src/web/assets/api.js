/**
 * The JSON endpoints the page reads, as any other client does (with the reader's token once one is given). The
 * shapes below are the parts of the read models (libs/contracts/src/read-models) that the page shows.
 */
import { state } from './state.js';

/**
 * @template T
 * @typedef {{ items: T[], nextCursor?: string, total?: number }} Page
 */
/**
 * @typedef {{ id: string, title: string, stage?: string, themeId?: string, coachId?: string,
 *   clientOrganisation?: string, resultCount?: number }} DoetankSummary
 */
/** @typedef {{ id: string, name: string, forgotten?: boolean, organisation?: string }} Member */
/**
 * @typedef {object} Retrospective
 * @property {number} [year]
 * @property {{ themeId: string, title: string }[]} [themes]
 * @property {Record<string, number>} [members]
 * @property {Record<string, number>} [doetanks]
 * @property {{ total: number }} [results]
 * @property {Record<string, number>} [gatherings]
 */
/**
 * @typedef {object} TimelineEntry
 * @property {string} id
 * @property {string} kind
 * @property {string} type
 * @property {string} occurredAt
 * @property {number} position where the event stands in the event store (the order's tie-breaker)
 * @property {string} [month]
 * @property {number} [year]
 * @property {string} summary
 * @property {string} [doetankId]
 * @property {{ doetankTitle?: string, reconstruction?: boolean }} [details]
 */
/**
 * @typedef {object} Doetank
 * @property {string} id
 * @property {string} title
 * @property {string} stage
 * @property {string} problemStatement
 * @property {string} [themeId]
 * @property {string} [proposedAt]
 * @property {string} [startedAt]
 * @property {string} [concludedAt]
 * @property {string} [stoppedAt]
 * @property {string} [coachId]
 * @property {string[]} [memberIds]
 * @property {{ organisation?: string }} [client]
 * @property {string} [conclusion]
 * @property {string} [stopReason]
 * @property {{ title: string, kind: string, link?: string, sharedAt: string }[]} [results]
 * @property {{ lesson: string, recordedBy: string, recordedAt: string }[]} [lessons]
 */
/**
 * @typedef {object} HistoryEvent
 * @property {number} revision
 * @property {string} type
 * @property {{ occurredAt?: string, actorId?: string, correlationId?: string }} [metadata]
 * @property {HistoryChange[]} [changes] what the event changed in the Doetank's state
 * @property {string} [reason]
 * @property {string} [correctedOccurredAt] the business time as a later correction gave it
 */
/**
 * @typedef {object} HistoryChange
 * @property {string} field
 * @property {unknown} [before]
 * @property {unknown} [after]
 * @property {unknown[]} [added]
 * @property {unknown[]} [removed]
 */
/**
 * @typedef {{ events: HistoryEvent[], nextFrom?: number | null, names?: Record<string, string | null> }} HistoryPage
 */

/** An answer other than 2xx: its problem-details `detail`, or the status line. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status
   */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * Whether the API refused for want of a (better) token.
 * @param {unknown} error
 */
export const needsToken = (error) =>
  error instanceof ApiError && (error.status === 401 || error.status === 403);

/**
 * The query string of the parameters that have a value.
 * @param {Record<string, string | number | null | undefined>} params
 */
export function query(params) {
  /** @type {string[]} */
  const parts = [];
  Object.keys(params).forEach((key) => {
    const value = params[key];
    if (value !== '' && value !== null && value !== undefined)
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  });
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * @param {string} path
 * @returns {Promise<any>} the parsed JSON (each caller below says what it is)
 */
function get(path) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  return fetch(path, { headers }).then((response) =>
    response.text().then((body) => {
      let json = null;
      try {
        json = body ? JSON.parse(body) : null;
      } catch {
        json = null;
      }
      if (!response.ok) {
        throw new ApiError(
          (json && json.detail) || `${response.status} ${response.statusText}`,
          response.status,
        );
      }
      return json;
    }),
  );
}

/** Any other JSON endpoint the page reads. */
export const apiGet = get;

/** @param {string | null} [cursor] @returns {Promise<Page<DoetankSummary>>} */
export const getDoetanks = (cursor) => get(`/doetanks${query({ limit: 100, cursor })}`);

/**
 * @param {string} id
 * @param {number} [minPosition] as the page's own write left it (read your writes)
 * @returns {Promise<Doetank>}
 */
export const getDoetank = (id, minPosition) =>
  get(`/doetanks/${encodeURIComponent(id)}${query({ minPosition })}`);

/**
 * @param {string} id
 * @param {number | null | undefined} from
 * @returns {Promise<HistoryPage>}
 */
export const getHistory = (id, from) =>
  get(`/doetanks/${encodeURIComponent(id)}/history${query({ from, limit: 50 })}`);

/** @param {string} [doetank] only its members @returns {Promise<Page<Member>>} */
export const getMembers = (doetank) =>
  get(doetank === undefined ? '/members?limit=100' : `/members${query({ doetank, limit: 100 })}`);

/** @param {string} year @returns {Promise<Retrospective>} */
export const getRetrospective = (year) => get(`/retrospectives/${year}`);

/**
 * @param {Record<string, string | number | null | undefined>} params
 * @returns {Promise<Page<TimelineEntry>>}
 */
export const getTimeline = (params) => get(`/timeline${query(params)}`);
