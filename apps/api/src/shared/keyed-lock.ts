/**
 * Serialises async work per key inside one process. Commands on the same stream queue up here instead of
 * racing to the store and retrying on conflicts; conflicts from other processes are still handled by the
 * optimistic concurrency retry.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      // Only the last queued task may remove the entry, or a later task would lose its predecessor.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Number of keys with queued or running work (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
