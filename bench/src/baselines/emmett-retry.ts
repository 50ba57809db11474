/**
 * Emmett 0.38.5 opens a connection for every call and starts it with `PRAGMA journal_mode = WAL` without waiting
 * for it; the sqlite3 driver runs a connection's statements in parallel, so now and then the append's COMMIT finds
 * that statement still running and fails with SQLITE_BUSY ("cannot commit transaction - SQL statements in
 * progress"; about 2 in 1,000 appends here, none when the connection is put in serialized mode). The transaction is
 * rolled back, so an application would try again: so does the benchmark, and it counts the retries.
 */
export function retryBusy() {
  const retry = {
    count: 0,
    async run<T>(append: () => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await append();
        } catch (error) {
          if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || attempt >= 5) throw error;
          retry.count++;
        }
      }
    },
  };
  return retry;
}
