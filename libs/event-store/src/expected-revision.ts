import type { ExpectedRevision } from './event-store.port';

// What an expected revision means, the same for every adapter: whether a stream satisfies it, and where an
// append that had it would have put its first event (to recognise an append that went through before).

/** Whether a stream at `actual` (undefined: no stream) satisfies the expectation. */
export function matchesExpected(expected: ExpectedRevision, actual: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      return actual === expected;
  }
}

/** Where the first event of an append with this expectation lands; `any` may land anywhere. */
export function wouldHavePlacedAt(expected: ExpectedRevision, firstRevision: number): boolean {
  switch (expected) {
    case 'any':
      return firstRevision >= 0;
    case 'no_stream':
      return firstRevision === 0;
    case 'stream_exists':
      return firstRevision > 0;
    default:
      return firstRevision === expected + 1;
  }
}
