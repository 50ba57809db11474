import { ReadStoreValidationError, UnknownCollectionError } from '@app/read-store';
import { PermanentStoreError, StoreUnavailableError } from '@app/resilience';
import { callWithPolicy, failureKind } from './store-call-policy';

const failing = (errors: unknown[]) => {
  let calls = 0;
  const work = async () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return 'ok';
  };
  return { work, calls: () => calls };
};

const policy = { maxAttempts: 3, initialMs: 1, maxMs: 2 };

describe('the runner’s error policy', () => {
  it('classifies store errors by their flag, and the read store’s contract errors as permanent', () => {
    expect(failureKind(new StoreUnavailableError('s', 'o', 'away'))).toBe('transient');
    expect(failureKind(new PermanentStoreError('s', 'o', 'too large'))).toBe('permanent');
    expect(failureKind(new UnknownCollectionError('timeline', 2))).toBe('permanent');
    expect(failureKind(new ReadStoreValidationError('bad document'))).toBe('permanent');
    expect(failureKind(new Error('odd'))).toBe('unclassified');
  });

  it('retries transient errors as long as it takes', async () => {
    const away = new StoreUnavailableError('s', 'o', 'away');
    const { work, calls } = failing(Array.from({ length: 12 }, () => away));
    const retries: number[] = [];
    await expect(
      callWithPolicy(work, { ...policy, onRetry: (_e, attempt) => retries.push(attempt) }),
    ).resolves.toBe('ok');
    expect(calls()).toBe(13);
    expect(retries).toHaveLength(12);
  });

  it('tries a permanent error once', async () => {
    const { work, calls } = failing([new PermanentStoreError('s', 'o', 'too large')]);
    await expect(callWithPolicy(work, policy)).rejects.toThrow('too large');
    expect(calls()).toBe(1);
  });

  it('tries an unclassified error maxAttempts times, not counting transient ones in between', async () => {
    const odd = new Error('odd');
    const away = new StoreUnavailableError('s', 'o', 'away');
    const { work, calls } = failing([odd, away, odd, away, odd, odd]);
    await expect(callWithPolicy(work, policy)).rejects.toBe(odd);
    expect(calls()).toBe(5);
  });

  it('ends a wait at once when aborted, with the last error', async () => {
    const abort = new AbortController();
    const away = new StoreUnavailableError('s', 'o', 'away');
    const call = callWithPolicy(
      async () => {
        throw away;
      },
      { ...policy, initialMs: 60_000, maxMs: 60_000, signal: abort.signal, onRetry: () => abort.abort() },
    );
    await expect(call).rejects.toBe(away);
  });
});
