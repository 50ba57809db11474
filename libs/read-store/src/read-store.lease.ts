// Validation of lease arguments, shared by every adapter (nothing is read or written for a malformed one).
import { type LeaseClaim, ReadStoreValidationError } from './read-store.port';

const MAX_NAME = 200;
/** A week: far beyond any sensible lease, and far inside what a date can hold. */
export const MAX_LEASE_TTL_MS = 7 * 24 * 3600 * 1000;

const describe = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const assertText = (what: string, value: unknown): void => {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NAME) {
    throw new ReadStoreValidationError(
      `Invalid lease ${what} ${describe(value)}: 1 to ${MAX_NAME} characters`,
    );
  }
};

export function assertLeaseName(name: unknown, owner: unknown): void {
  assertText('name', name);
  assertText('owner', owner);
}

/** Checks a claim (as given to acquireLease or with a batch) and returns it as plain values. */
export function normalizeLease(claim: LeaseClaim): LeaseClaim {
  if (typeof claim !== 'object' || claim === null) {
    throw new ReadStoreValidationError(`Invalid lease ${describe(claim)}`);
  }
  const { name, owner, ttlMs } = claim;
  assertLeaseName(name, owner);
  if (typeof ttlMs !== 'number' || !Number.isSafeInteger(ttlMs) || ttlMs < 1 || ttlMs > MAX_LEASE_TTL_MS) {
    throw new ReadStoreValidationError(
      `Lease ${name}: ttlMs must be an integer from 1 to ${MAX_LEASE_TTL_MS}, not ${describe(ttlMs)}`,
    );
  }
  return { name, owner, ttlMs };
}
