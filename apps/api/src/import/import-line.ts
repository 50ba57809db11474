import { importRoutes, isImportCommand, resolvePath, type ImportCommand } from './import-routes';

/**
 * One line of an import file (NDJSON), as documented in docs/import.md:
 *
 * `{"command":"ShareResult","params":{"doetankId":"..."},"body":{...},"occurredAt":"2012-05-01T10:00:00Z",
 *   "actor":"<member id or system>","idempotencyKey":"demo-2012-000123"}`
 */
export interface ImportLine {
  command: string;
  /** Path parameters of the command's route; may be left out for routes without any. */
  params?: Record<string, string>;
  /** The request body, without `occurredAt` (that is the line's own field); may be left out when empty. */
  body?: Record<string, unknown>;
  /** Business time; goes into the body's `occurredAt`. */
  occurredAt: string;
  /** Who acts (`X-Actor-Id`): a member id or `system`. Left out: the API's default (the member it is about). */
  actor?: string;
  /** `Idempotency-Key` of the request: importing a file twice writes nothing twice. */
  idempotencyKey: string;
}

/** What the importer sends for a line: an HTTP request for Fastify's `inject`. */
export interface ImportRequest {
  command: ImportCommand;
  method: 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  /** The JSON body as sent. */
  payload: string;
}

/** Why a line was not sent at all: it is not a command the API could be asked. */
export const LINE_REFUSAL_CODES = {
  malformedJson: 'IMPORT.MALFORMED_JSON',
  unknownCommand: 'IMPORT.UNKNOWN_COMMAND',
  missingIdempotencyKey: 'IMPORT.MISSING_IDEMPOTENCY_KEY',
  invalidLine: 'IMPORT.INVALID_LINE',
} as const;

export type ParsedLine =
  | { kind: 'blank' }
  | { kind: 'request'; request: ImportRequest }
  | { kind: 'refused'; code: string; reason: string };

const LINE_FIELDS = new Set(['command', 'params', 'body', 'occurredAt', 'actor', 'idempotencyKey']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const refused = (code: string, reason: string): ParsedLine => ({ kind: 'refused', code, reason });
const invalid = (reason: string): ParsedLine => refused(LINE_REFUSAL_CODES.invalidLine, reason);

/**
 * The correlation id of a line's events: `import-<file name>-<line number>`, so every event can be traced back to
 * the line that caused it. Characters the API does not accept in a correlation id become `_`.
 */
export function correlationIdFor(source: string, lineNumber: number): string {
  const suffix = `-${lineNumber}`;
  const name = source.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 128 - 'import-'.length - suffix.length);
  return `import-${name}${suffix}`;
}

/**
 * Turns one line of an import file into the HTTP request the API would get for it, or says why it cannot be sent.
 * Only the line's shape is checked here; the request itself (fields, ids, business rules) is for the API to judge,
 * exactly as it judges a client's request. Pure: no I/O, no clock.
 *
 * @param text the line without its line break (a trailing `\r` is ignored)
 * @param source the file's name (its base name), for the correlation id
 * @param lineNumber 1-based
 */
export function parseImportLine(text: string, source: string, lineNumber: number): ParsedLine {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { kind: 'blank' };

  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    return refused(
      LINE_REFUSAL_CODES.malformedJson,
      `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isPlainObject(parsed)) return invalid('a line must be a JSON object');
  const line = parsed;

  const unknown = Object.keys(line).filter((field) => !LINE_FIELDS.has(field));
  if (unknown.length > 0) {
    return invalid(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
  }

  if (typeof line.command !== 'string' || line.command === '') {
    return refused(LINE_REFUSAL_CODES.unknownCommand, 'command is missing');
  }
  const route = importRoutes().get(line.command);
  if (!route || !isImportCommand(line.command)) {
    return refused(LINE_REFUSAL_CODES.unknownCommand, `unknown command "${line.command.slice(0, 80)}"`);
  }
  const command = line.command;

  if (line.idempotencyKey === undefined || line.idempotencyKey === '') {
    return refused(
      LINE_REFUSAL_CODES.missingIdempotencyKey,
      'idempotencyKey is missing; every line needs one, so that importing a file twice writes nothing twice',
    );
  }
  if (typeof line.idempotencyKey !== 'string') return invalid('idempotencyKey must be a string');

  if (typeof line.occurredAt !== 'string' || line.occurredAt === '') {
    return invalid('occurredAt is missing; an imported command needs the business time it happened');
  }

  if (line.actor !== undefined && typeof line.actor !== 'string') {
    return invalid('actor must be a member id or "system"');
  }

  const params = line.params ?? {};
  if (!isPlainObject(params) || Object.values(params).some((value) => typeof value !== 'string')) {
    return invalid('params must be an object of strings');
  }
  const path = resolvePath(route.path, params as Record<string, string>);
  if (!path.ok) return invalid(path.reason);

  const body = line.body ?? {};
  if (!isPlainObject(body)) return invalid('body must be a JSON object');
  if (body.occurredAt !== undefined && body.occurredAt !== line.occurredAt) {
    return invalid("body.occurredAt differs from the line's occurredAt; give the business time once");
  }

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': line.idempotencyKey,
    'x-correlation-id': correlationIdFor(source, lineNumber),
  };
  if (line.actor !== undefined) headers['x-actor-id'] = line.actor;

  return {
    kind: 'request',
    request: {
      command,
      method: route.method,
      url: path.path,
      headers,
      payload: JSON.stringify({ ...body, occurredAt: line.occurredAt }),
    },
  };
}

/** Writes a line in the import format (used by the demo generator; the inverse of {@link parseImportLine}). */
export function formatImportLine(line: ImportLine): string {
  const { command, params, body, occurredAt, actor, idempotencyKey } = line;
  return JSON.stringify({
    command,
    ...(params !== undefined && Object.keys(params).length > 0 && { params }),
    ...(body !== undefined && Object.keys(body).length > 0 && { body }),
    occurredAt,
    ...(actor !== undefined && { actor }),
    idempotencyKey,
  });
}
