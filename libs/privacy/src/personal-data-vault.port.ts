/**
 * The key store of crypto-shredding: one AES-256 key per subject (a member), kept outside the event log, so that
 * destroying the key erases every copy of that member's personal data in the (immutable) log at once.
 * Adapters: SQLite (a table in the embedded database) and MongoDB (a collection beside the read models); both pass
 * `testing/personal-data-vault.contract.ts`.
 */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');

/** What the vault holds for a subject: a key, or the record that it was destroyed. */
export type VaultEntry = { status: 'active'; key: Buffer } | { status: 'destroyed'; destroyedAt: string };

export interface PersonalDataVault {
  /**
   * The subject's key, made (32 random bytes) on first use. Throws {@link SubjectForgottenError} once the key is
   * destroyed: nothing personal is sealed for a forgotten member again.
   */
  keyFor(subjectId: string): Promise<Buffer>;

  /** What the vault holds for each subject now; a subject the vault never saw is absent from the map. */
  lookup(subjectIds: readonly string[]): Promise<Map<string, VaultEntry>>;

  /**
   * Destroys the subject's key for good and remembers that it did (a tombstone without key material). Idempotent;
   * also records a tombstone for a subject that never had a key. When it returns, the key is gone from the store
   * (and, for the SQLite adapter, from the database files).
   */
  destroy(subjectId: string, at: Date): Promise<void>;
}

/** A key was asked for a subject whose key is destroyed. */
export class SubjectForgottenError extends Error {
  readonly code = 'PRIVACY.SUBJECT_FORGOTTEN';
  constructor(readonly subjectId: string) {
    super(`The personal data key of ${subjectId} was destroyed; nothing personal is recorded for them again`);
    this.name = 'SubjectForgottenError';
  }
}

/** Personal data in an event cannot be read: not an outage of the key store, so retrying will not help. */
export class PersonalDataError extends Error {}

/**
 * Sealed data names a subject the vault has never heard of: the vault is not the one the events were written
 * with (a wrong database, a lost key store). Loud on purpose: reading it as "forgotten" would erase everyone.
 */
export class PersonalDataKeyMissingError extends PersonalDataError {
  readonly code = 'PRIVACY.KEY_MISSING';
  constructor(readonly subjectId: string) {
    super(
      `No personal data key for ${subjectId} (neither a key nor a record of its destruction): is this the key ` +
        'store the events were written with?',
    );
    this.name = 'PersonalDataKeyMissingError';
  }
}

/** A sealed field does not open with its subject's key: tampered with, or sealed with another key. */
export class PersonalDataUnreadableError extends PersonalDataError {
  readonly code = 'PRIVACY.UNREADABLE';
  constructor(
    readonly subjectId: string,
    readonly eventType: string,
    cause: unknown,
  ) {
    super(
      `Sealed personal data of ${subjectId} in a ${eventType} event does not open: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'PersonalDataUnreadableError';
  }
}
