import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-database';
import type { ToWriterThread, FromWriterThread, WriterThreadData } from './sqlite-writer-thread';
import { encodeError, SqliteWriter } from './sqlite-writes';

/*
 * The writer thread: its own connection to the file of record, on which it runs the groups the api thread posts,
 * one at a time, and answers each once it is committed (with `synchronous = FULL`, fsynced).
 */
const data = workerData as WriterThreadData;
let db: SqliteDatabase | undefined;
let writer: SqliteWriter | undefined;

parentPort!.on('message', (message: ToWriterThread) => {
  if (message.type === 'close') {
    db?.close();
    parentPort!.close();
    return;
  }
  let answer: FromWriterThread;
  try {
    // Opened on the first group, so that a file that cannot be opened now fails that group (and is tried again
    // with the next one) rather than the thread.
    db ??= openSqliteDatabase(data.file, {
      synchronous: data.synchronous,
      busyTimeoutMs: data.busyTimeoutMs,
    });
    writer ??= new SqliteWriter(db);
    const outcomes = writer
      .runGroup(message.writes)
      .map((outcome) => (outcome.ok ? outcome : { ok: false as const, error: encodeError(outcome.error) }));
    answer = { type: 'committed', seq: message.seq, outcomes };
  } catch (error) {
    answer = { type: 'failed', seq: message.seq, error: encodeError(error) };
  }
  parentPort!.postMessage(answer);
});
