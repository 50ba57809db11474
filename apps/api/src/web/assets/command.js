/**
 * Writes from the page: the same command endpoints any client uses, with the reader's token and an
 * `Idempotency-Key`, so that a form sent twice (a double click, a retry after a lost answer) is applied once.
 */
import { state } from './state.js';

/**
 * What a command endpoint answers when it accepted (`CommandAcceptedResponseDto`): `position` is where the read
 * models must be to show the write (read it back with `minPosition`).
 * @typedef {{ streamId: string, aggregateId: string, revision: number, position: number }} Accepted
 */

/**
 * A broken rule of a request, as a 400 names it: the field's path (`email`, `links.0.url`), the rule
 * (`isEmail`, `maxLength`) and the API's English message.
 * @typedef {{ field: string, constraint: string, message: string }} InvalidField
 */

/** A refusal as RFC 9457 problem details: 400 with `errors` (and `fields`) naming the fields, 409 a rule's message. */
export class Problem extends Error {
  /**
   * @param {number} status
   * @param {{ detail?: string, code?: string, errors?: string[], fields?: InvalidField[],
   *   details?: Record<string, unknown> } | null} body
   * @param {string} statusText
   */
  constructor(status, body, statusText) {
    super((body && body.detail) || `${status} ${statusText}`);
    this.status = status;
    this.code = (body && body.code) || '';
    /** @type {string[]} */
    this.errors = (body && Array.isArray(body.errors) && body.errors) || [];
    /** @type {InvalidField[]} */
    this.fields = (body && Array.isArray(body.fields) && body.fields) || [];
    /** The facts behind a domain refusal (the parameters of its message). @type {Record<string, unknown>} */
    this.details = (body && body.details) || {};
  }
}

/** A fresh idempotency key: one per form submission, kept for its retries. */
export const newIdempotencyKey = () => window.crypto.randomUUID();

/**
 * Sends a command.
 * @param {string} path
 * @param {Record<string, unknown>} body
 * @param {string} idempotencyKey
 * @returns {Promise<Accepted>}
 */
export async function sendCommand(path, body, idempotencyKey) {
  /** @type {Record<string, string>} */
  const headers = {
    accept: 'application/json',
    'content-type': 'application/json',
    'idempotency-key': idempotencyKey,
  };
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) throw new Problem(response.status, json, response.statusText);
  return json;
}
