// The client's failures in the vocabulary of libs/resilience: transient (retrying may succeed) or permanent (it
// will fail the same way). Pure: unit-tested without a server, and against the real client talking to a fault
// server (testing/grpc-fault-server.ts).
import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreUnavailableError,
} from '@app/resilience';
import {
  DuplicateEventIdError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../event-store.port';
import { clientErrorType, ESDB_ERROR } from './esdb-mapping';

/** The store's name in errors and logs. */
export const STORE_NAME = 'EventStoreDB';

/**
 * The client's error types after which the same call may succeed: the node is away, busy or not the leader (the
 * client follows the leader hint on the next call), the call was cancelled by the server or the connection, or
 * it timed out (`timeout` is the client's name for gRPC ABORTED, which the server answers when a write or a slow
 * subscriber timed out: EventStore/EventStore src/EventStore.Core/Services/Transport/Grpc/RpcExceptions.cs, `Timeout`).
 */
const TRANSIENT_TYPES = new Set<string>([
  ESDB_ERROR.unavailable,
  ESDB_ERROR.deadlineExceeded,
  ESDB_ERROR.timeout,
  ESDB_ERROR.cancelled,
  ESDB_ERROR.notLeader,
]);

/** gRPC status codes that say "try again": CANCELLED, DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE. */
const TRANSIENT_GRPC_CODES = new Set<number>([1, 4, 10, 14]);

/**
 * Server answers that carry no status of their own and still mean "not now". A batch append's failure is a
 * google.rpc.Status inside the response; when the node did not handle the write it packs an Empty with the message
 * "Server Is Not Ready", "Server Is Busy" or "No leader info available in response" (EventStore/EventStore
 * src/EventStore.Core/Services/Transport/Grpc/Streams.BatchAppend.cs, `ConvertMessage`), which the client turns into
 * an UnknownError without a code ("Could not recognize ..."; @eventstore/db-client 6.2.1,
 * dist/streams/appendToStream/unpackError.js). A read during an election answers gRPC UNKNOWN "No leader info
 * available in response" (RpcExceptions.cs, `NoLeaderInfo`).
 */
const TRANSIENT_MESSAGE = /Server Is Not Ready|Server Is (Too )?Busy|No leader info available/i;

/** Socket errors that reach us unconverted (a connection refused or reset, a name that does not resolve yet). */
const TRANSIENT_SOCKET_CODE =
  /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND)$/;

export type ErrorKind = 'transient' | 'permanent';

/**
 * Whether a failure of the client may heal, or undefined when it is not the client's (our own errors: a bug, or
 * data we cannot convert).
 *
 * The client (@eventstore/db-client 6.2.1, dist/utils/CommandError.js, `convertToCommandError`) names a gRPC error by
 * the `exception` the server put in its metadata, else by its status: ABORTED -> `timeout`, DEADLINE_EXCEEDED,
 * UNAVAILABLE, UNAUTHENTICATED -> `access-denied`, NOT_FOUND, CANCELLED -> `cancelled` unless the client itself
 * cancelled the call; everything else is `unknown`, keeping the status as `code`. `unknown` therefore covers both the
 * server's deterministic failures (UNKNOWN from an unexpected result, INVALID_ARGUMENT, INTERNAL, RESOURCE_EXHAUSTED
 * for a message over the size limit, PERMISSION_DENIED) and a call cancelled on our side ("Cancelled on client": a
 * channel closed under it). It used to be retried as a whole, which loops on a permanent failure; now its status
 * decides, and what the status does not mark as retryable is permanent.
 */
export function classifyClientError(error: unknown): ErrorKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = clientErrorType(error);
  if (type !== undefined) {
    if (TRANSIENT_TYPES.has(type)) return 'transient';
    if (type === ESDB_ERROR.unknown) return byStatus(error);
    // access-denied, invalid-argument, maximum-append-size-exceeded, stream-deleted, not-found, unsupported, ...
    return 'permanent';
  }
  const code = (error as { code?: unknown }).code;
  // A grpc-js ServiceError the client passed on unconverted (e.g. from its server-features probe).
  if (typeof code === 'number') return byStatus(error);
  if (typeof code === 'string' && TRANSIENT_SOCKET_CODE.test(code)) return 'transient';
  return undefined;
}

function byStatus(error: object): ErrorKind {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code)) return 'transient';
  return TRANSIENT_MESSAGE.test(messageOf(error)) ? 'transient' : 'permanent';
}

/**
 * A failure as callers see it: the port's own errors (a conflict, a missing stream, a reused id) and errors that
 * already carry a kind (a StoreTimeoutError) unchanged; the client's failures as StoreUnavailableError (transient)
 * or PermanentStoreError, with the original as `cause`; anything else unchanged.
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (
    error instanceof WrongExpectedRevisionError ||
    error instanceof StreamNotFoundError ||
    error instanceof DuplicateEventIdError ||
    isTransientStoreError(error) ||
    isPermanentStoreError(error)
  ) {
    return error;
  }
  const kind = classifyClientError(error);
  if (kind === undefined) return error;
  const message = messageOf(error as object);
  return kind === 'transient'
    ? new StoreUnavailableError(STORE_NAME, operation, message, { cause: error })
    : new PermanentStoreError(STORE_NAME, operation, message, { cause: error });
}

function messageOf(error: object): string {
  const message = (error as { message?: unknown }).message;
  const type = clientErrorType(error);
  const text = typeof message === 'string' && message.length > 0 ? message : 'failed';
  return type === undefined || text.includes(type) ? text : `${type}: ${text}`;
}
