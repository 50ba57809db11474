import {
  BSON,
  MongoBulkWriteError,
  MongoError,
  MongoInvalidArgumentError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoWriteConcernError,
} from 'mongodb';
import {
  isPermanentStoreError,
  isTransientStoreError,
  PermanentStoreError,
  StoreTimeoutError,
  StoreUnavailableError,
} from '@app/resilience';
import { mongoCall, translateMongoError } from './mongodb-errors';

// Built the way the driver builds them (mongodb 7.x): a server reply becomes a MongoServerError carrying its
// code, codeName and errorLabels; the driver's own failures are MongoError subclasses.
const serverError = (code: number, codeName: string, errmsg: string, errorLabels?: string[]) =>
  new MongoServerError({ ok: 0, code, codeName, errmsg, ...(errorLabels && { errorLabels }) });
// MongoServerSelectionError takes the topology description it gave up on; only its `error` is read.
const selectionError = () =>
  new MongoServerSelectionError('Server selection timed out after 5000 ms', {} as never);
// The driver hands a MongoBulkWriteError the BulkWriteResult so far (a class it exports as a type only); the
// translation never reads it.
const emptyBulkResult = () => ({}) as never;

const transient = (error: unknown) => {
  const translated = translateMongoError(error, 'applyBatch', 'MongoDB read store');
  expect(translated).toBeInstanceOf(StoreUnavailableError);
  expect(isTransientStoreError(translated)).toBe(true);
  expect((translated as Error).cause).toBe(error);
  return translated as Error;
};
const permanent = (error: unknown) => {
  const translated = translateMongoError(error, 'applyBatch', 'MongoDB read store');
  expect(translated).toBeInstanceOf(PermanentStoreError);
  expect(isPermanentStoreError(translated)).toBe(true);
  return translated as Error;
};

describe('translateMongoError: outages are transient', () => {
  it('network errors, timeouts and server selection', () => {
    expect(transient(new MongoNetworkError('connection 3 to 10.0.0.5:27017 closed')).message).toBe(
      'MongoDB read store applyBatch: MongoNetworkError: connection 3 to 10.0.0.5:27017 closed',
    );
    transient(new MongoNetworkTimeoutError('connection 3 to 10.0.0.5:27017 timed out'));
    transient(selectionError());
    transient(new MongoOperationTimeoutError('Timed out during withTransaction'));
  });

  it.each([
    [10107, 'NotWritablePrimary', 'not primary'],
    [13435, 'NotPrimaryNoSecondaryOk', 'not primary and secondaryOk=false'],
    [
      13436,
      'NotPrimaryOrSecondary',
      'not primary or secondary; cannot currently read from this replSet member',
    ],
    [189, 'PrimarySteppedDown', 'Primary stepped down while waiting for replication'],
    [11602, 'InterruptedDueToReplStateChange', 'operation was interrupted'],
    [11600, 'InterruptedAtShutdown', 'interrupted at shutdown'],
    [91, 'ShutdownInProgress', 'The server is in quiesce mode and will shut down'],
    [262, 'ExceededTimeLimit', 'operation exceeded time limit'],
    [50, 'MaxTimeMSExpired', 'operation exceeded time limit'],
    [112, 'WriteConflict', 'WriteConflict error: this operation conflicted with another operation'],
    [64, 'WriteConcernTimeout', 'waiting for replication timed out'],
    [6, 'HostUnreachable', 'Connection refused'],
    [9001, 'SocketException', 'socket exception'],
    [433, 'AdmissionQueueOverflow', 'admission queue overflow'],
    [14031, 'OutOfDiskSpace', 'out of disk space'],
  ])('server code %i (%s)', (code, codeName, errmsg) => {
    const translated = transient(serverError(code, codeName, errmsg));
    expect(translated.message).toContain(`(code ${code})`);
  });

  it.each(['TransientTransactionError', 'UnknownTransactionCommitResult', 'RetryableWriteError'])(
    'an otherwise unknown error labelled %s',
    (label) => {
      transient(serverError(8, 'UnknownError', 'something went wrong', [label]));
    },
  );

  it('a write concern error that timed out waiting for a majority', () => {
    transient(
      new MongoWriteConcernError({
        ok: 1,
        writeConcernError: {
          code: 64,
          codeName: 'WriteConcernTimeout',
          errmsg: 'waiting for replication timed out',
        },
      }),
    );
  });

  it('a network error that a bulk write wrapped', () => {
    const network = new MongoNetworkError('connection 3 to 10.0.0.5:27017 closed');
    const wrapped = new MongoBulkWriteError(network, emptyBulkResult());
    expect(wrapped).not.toBeInstanceOf(MongoNetworkError);
    expect(transient(wrapped).message).toContain('MongoNetworkError');
  });

  it("the legacy 'not master' message without a code", () => {
    transient(new MongoError('not master and slaveOk=false'));
  });

  it('our own deadline, which passes through unchanged', () => {
    const timeout = new StoreTimeoutError('MongoDB read store', 'find', 5000);
    expect(translateMongoError(timeout, 'find')).toBe(timeout);
  });
});

describe('translateMongoError: what retrying cannot fix is permanent', () => {
  it.each([
    [10334, 'BSONObjectTooLarge', 'object to insert too large. size in bytes: 16777241, max size: 16777216'],
    [17419, 'Location17419', 'Resulting document after update is larger than 16777216'],
    [257, 'TransactionTooLarge', 'Total size of all transaction operations must be less than 16793600'],
    [290, 'TransactionExceededLifetimeLimitSeconds', 'transaction exceeded its lifetime limit'],
    [11000, 'DuplicateKey', 'E11000 duplicate key error collection: db.c index: _id_ dup key'],
    [121, 'DocumentValidationFailure', 'Document failed validation'],
    [13, 'Unauthorized', 'not authorized on slimmernetwerk to execute command'],
    [2, 'BadValue', 'bad value'],
  ])('server code %i (%s)', (code, codeName, errmsg) => {
    permanent(serverError(code, codeName, errmsg));
  });

  it('TransactionTooLargeForCache even when labelled transient', () => {
    permanent(
      serverError(
        388,
        'TransactionTooLargeForCache',
        'transaction is too large and will not fit in the storage engine cache',
        ['TransientTransactionError'],
      ),
    );
  });

  it('a document the driver refuses to send (over 16 MB of BSON), and a BSON error', () => {
    expect(
      permanent(new MongoInvalidArgumentError('Document is larger than the maximum size 16777216')).message,
    ).toBe(
      'MongoDB read store applyBatch: MongoInvalidArgumentError: Document is larger than the maximum size 16777216',
    );
    permanent(new BSON.BSONError('Cannot serialize a value of type symbol'));
  });

  it('a bulk write whose documents the server refused', () => {
    const refused = new MongoBulkWriteError(
      { message: 'object to insert too large', code: 10334, writeErrors: [] },
      emptyBulkResult(),
    );
    permanent(refused);
  });
});

describe('translateMongoError: everything else', () => {
  it('leaves errors that are not the driver`s as they are', () => {
    const domain = new Error('Collection timeline has no version 3');
    expect(translateMongoError(domain, 'get')).toBe(domain);
    expect(translateMongoError('text', 'get')).toBe('text');
  });
});

describe('mongoCall', () => {
  it('translates what the call throws', async () => {
    const failure = await mongoCall('MongoDB vault', 'keyFor', 1000, () =>
      Promise.reject(serverError(10107, 'NotWritablePrimary', 'not primary')),
    ).catch((error: unknown) => error);
    expect(isTransientStoreError(failure)).toBe(true);
    expect(String(failure)).toContain('MongoDB vault keyFor: MongoServerError: not primary (code 10107)');
  });

  it('gives a call that does not answer a transient timeout, and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const failure = await mongoCall('MongoDB read store', 'find', 20, (s) => {
      signal = s;
      return new Promise<never>(() => undefined);
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreTimeoutError);
    expect(isTransientStoreError(failure)).toBe(true);
    expect(signal?.aborted).toBe(true);
  });
});

describe('translateMongoError: an unknown server code', () => {
  it('without a label is a refusal, so permanent', () => {
    permanent(serverError(8, 'UnknownError', 'something went wrong'));
  });
});
