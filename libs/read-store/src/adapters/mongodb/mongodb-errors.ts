import {
  BSON,
  MongoBulkWriteError,
  MongoError,
  MongoNetworkError,
  MongoOperationTimeoutError,
  MongoServerSelectionError,
} from 'mongodb';
import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreUnavailableError,
  withDeadline,
} from '@app/resilience';

/*
 * What a MongoDB failure means for whoever retries it, for every MongoDB adapter (read store, personal data vault,
 * idempotency store): one function. Sources: the driver's error classes and labels (mongodb 7.x, src/error.ts:
 * MONGODB_ERROR_CODES, MongoErrorLabel, isRetryableReadError/needsRetryableWriteLabel) and the server's code list
 * with its categories (mongodb/mongo, src/mongo/base/error_codes.yml).
 *
 * Permanent first, whatever the labels say: the same batch fails the same way every time.
 * - BSONObjectTooLarge (10334), and 17419 (the assertion older servers raise for "Resulting document after update
 *   is larger than 16777216"): a document over 16 MB of BSON. The driver refuses one before sending it with a
 *   MongoInvalidArgumentError ("Document is larger than the maximum size"), an API error, permanent below.
 * - TransactionTooLarge (257), TransactionTooLargeForCache (388: since MongoDB 6.2 the server no longer turns a
 *   transaction that cannot fit in the storage engine's cache into a retried WriteConflict), and
 *   TransactionExceededLifetimeLimitSeconds (290: longer than transactionLifetimeLimitSeconds, 60 s by default).
 *   A transaction the server's reaper aborts for its age may also surface as NoSuchTransaction (251) labelled
 *   TransientTransactionError, which stays transient here: the projection runner bounds its batches instead.
 *
 * Transient (an outage, an election, a busy server, a deadline):
 * - driver errors: MongoNetworkError (and its timeout and pool-cleared kinds), MongoServerSelectionError, the
 *   CSOT MongoOperationTimeoutError, a connection pool's wait-queue timeout, a stale primary, a closed client or
 *   topology (shutting down: whoever retries is stopping too);
 * - labels: TransientTransactionError, UnknownTransactionCommitResult, RetryableWriteError, RetryableError,
 *   SystemOverloadedError, PoolRequestedRetry;
 * - codes: {@link TRANSIENT_CODES} (the server's NetworkError, RetriableError, NotPrimaryError, ShutdownError,
 *   ExceededTimeLimitError and SystemOverloadedError categories, and a few more that heal by themselves).
 *
 * Any other MongoError (a server refusal such as DuplicateKey outside the adapters' own handling, a validation
 * failure, Unauthorized; a driver API error) is permanent, and so is a BSON serialisation error. Errors that are
 * neither (the adapters' domain errors, validation, a closed store) come back unchanged.
 */

/** Server codes that heal by themselves, from error_codes.yml (category in brackets). */
export const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  6, // HostUnreachable [NetworkError, RetriableError]
  7, // HostNotFound [NetworkError, RetriableError]
  24, // LockTimeout [Interruption]
  43, // CursorNotFound: the server dropped a cursor mid-read (a failover); the read can start again
  46, // LockBusy
  50, // MaxTimeMSExpired [ExceededTimeLimitError]
  64, // WriteConcernTimeout [WriteConcernError]: majority not reached in time (writes are idempotent)
  89, // NetworkTimeout [NetworkError, RetriableError]
  91, // ShutdownInProgress [ShutdownError, RetriableError]
  112, // WriteConflict (labelled TransientTransactionError inside a transaction)
  133, // FailedToSatisfyReadPreference: no eligible member right now
  134, // ReadConcernMajorityNotAvailableYet [RetriableError]
  150, // StaleEpoch [StaleShardVersionError]
  189, // PrimarySteppedDown [NotPrimaryError, RetriableError]
  202, // NetworkInterfaceExceededTimeLimit [ExceededTimeLimitError, NetworkTimeoutError]
  216, // ElectionInProgress
  249, // StaleDbVersion
  251, // NoSuchTransaction (aborted under us: labelled TransientTransactionError)
  262, // ExceededTimeLimit [ExceededTimeLimitError, RetriableError]
  276, // IndexBuildAborted: an index build cut short (a stepdown); declaring again builds it
  285, // IndexBuildAlreadyInProgress: another declaration is building it; done when that build is
  317, // ConnectionPoolExpired [NetworkError, RetriableError]
  365, // TemporarilyUnavailable
  384, // ConnectionError [NetworkError, RetriableError]
  402, // ResourceExhausted [RetriableError]
  407, // PooledConnectionAcquisitionExceededTimeLimit [ExceededTimeLimitError, RetriableError]
  433, // AdmissionQueueOverflow [SystemOverloadedError]
  449, // RateLimitExceeded [SystemOverloadedError]
  462, // IngressRequestRateLimitExceeded [SystemOverloadedError, RetriableError]
  9001, // SocketException [NetworkError, RetriableError]
  10058, // LegacyNotPrimary
  10107, // NotWritablePrimary [NotPrimaryError, RetriableError]
  11600, // InterruptedAtShutdown [ShutdownError, RetriableError]
  11601, // Interrupted [Interruption]: killed by an operator or a failover
  11602, // InterruptedDueToReplStateChange [NotPrimaryError, RetriableError]
  13388, // StaleConfig [StaleShardVersionError]
  13435, // NotPrimaryNoSecondaryOk [NotPrimaryError, RetriableError]
  13436, // NotPrimaryOrSecondary [NotPrimaryError, RetriableError]
  14031, // OutOfDiskSpace: an operator can free space (as SQLITE_FULL)
]);

/** Server codes that fail the same way every time, whatever labels come with them. */
export const PERMANENT_CODES: ReadonlySet<number> = new Set([
  257, // TransactionTooLarge
  290, // TransactionExceededLifetimeLimitSeconds
  388, // TransactionTooLargeForCache
  10334, // BSONObjectTooLarge
  17419, // "Resulting document after update is larger than 16777216" (older servers)
]);

const TRANSIENT_LABELS = [
  'TransientTransactionError',
  'UnknownTransactionCommitResult',
  'RetryableWriteError',
  'RetryableError',
  'SystemOverloadedError',
  'PoolRequestedRetry',
];

/** Driver errors (by name: some classes are not exported) that mean the server cannot be reached right now. */
const TRANSIENT_DRIVER_ERRORS = new Set([
  'MongoWaitQueueTimeoutError',
  'MongoPoolClosedError',
  'MongoStalePrimaryError',
  'MongoTopologyClosedError',
  'MongoClientClosedError',
  'MongoNotConnectedError',
]);

// The driver's legacy messages for a node that is not (or no longer) primary (src/error.ts).
const NOT_PRIMARY_MESSAGE = /not master|node is recovering/i;

/** Whether a MongoDB error means that retrying the same call may succeed. */
export function isTransientMongoError(error: MongoError): boolean {
  const code = typeof error.code === 'number' ? error.code : Number.NaN;
  if (PERMANENT_CODES.has(code)) return false;
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoOperationTimeoutError ||
    TRANSIENT_DRIVER_ERRORS.has(error.name)
  ) {
    return true;
  }
  if (TRANSIENT_LABELS.some((label) => error.hasErrorLabel(label))) return true;
  if (TRANSIENT_CODES.has(code)) return true;
  const concern = (error as { writeConcernError?: { code?: unknown } }).writeConcernError?.code;
  if (typeof concern === 'number' && TRANSIENT_CODES.has(concern)) return true;
  return NOT_PRIMARY_MESSAGE.test(error.message);
}

/**
 * A bulk write that failed before the server answered (a network error) comes wrapped in a MongoBulkWriteError
 * whose `errorResponse` is the original error (mongodb 7.x, src/bulk/common.ts `executeCommands`): judge that one.
 */
function unwrap(error: MongoError): MongoError {
  if (error instanceof MongoBulkWriteError && error.errorResponse instanceof MongoError) {
    return error.errorResponse;
  }
  return error;
}

/**
 * A MongoDB driver error as a StoreUnavailableError (transient) or a PermanentStoreError, the original as `cause`.
 * Errors already translated, and errors that are not the driver's, come back as they are.
 */
export function translateMongoError(error: unknown, operation: string, store = 'MongoDB'): unknown {
  if (isTransientStoreError(error) || isPermanentStoreError(error)) return error;
  if (error instanceof MongoError) {
    const judged = unwrap(error);
    const code = typeof judged.code === 'number' ? ` (code ${judged.code})` : '';
    const message = `${judged.name}: ${judged.message}${code}`;
    return isTransientMongoError(judged)
      ? new StoreUnavailableError(store, operation, message, { cause: error })
      : new PermanentStoreError(store, operation, message, { cause: error });
  }
  if (BSON.BSONError.isBSONError(error)) {
    return new PermanentStoreError(store, operation, `BSONError: ${error.message}`, { cause: error });
  }
  return error;
}

/**
 * Runs one MongoDB call with a deadline and translated errors. The driver accepts `timeoutMS` but ignores it since
 * 7.8.0: client-side operation timeouts (CSOT, also `withTransaction`'s `timeoutMS`) were made a no-op after they
 * were found to desynchronise the connection pool (release notes of mongodb 7.8.0, "timeoutMS is deprecated and now
 * a no-op ... Use the per-stage timeouts instead: serverSelectionTimeoutMS, waitQueueTimeoutMS, socketTimeoutMS,
 * and maxTimeMS"; https://www.mongodb.com/docs/drivers/node/current/connect/connection-options/csot/). So the
 * deadline is ours: after `timeoutMs` the call rejects with a StoreTimeoutError (transient) and `signal` is
 * aborted. Reads pass `signal` to the driver (its experimental `Abortable` option, src/mongo_types.ts), which then
 * abandons the operation and closes its connection rather than reuse it; writes cannot be cancelled and may still
 * land after the deadline, which is safe because every write of these adapters is idempotent.
 */
export function mongoCall<T>(
  store: string,
  operation: string,
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return withDeadline(timeoutMs, { store, operation }, work).catch((error: unknown) => {
    throw translateMongoError(error, operation, store);
  });
}
