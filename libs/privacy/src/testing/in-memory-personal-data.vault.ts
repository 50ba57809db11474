import { randomBytes } from 'node:crypto';
import { SubjectForgottenError, type PersonalDataVault, type VaultEntry } from '../personal-data-vault.port';

/** A vault in memory, for unit tests of code that seals and opens events. */
export class InMemoryPersonalDataVault implements PersonalDataVault {
  readonly entries = new Map<string, VaultEntry>();

  async keyFor(subjectId: string): Promise<Buffer> {
    let entry = this.entries.get(subjectId);
    if (!entry) this.entries.set(subjectId, (entry = { status: 'active', key: randomBytes(32) }));
    if (entry.status === 'destroyed') throw new SubjectForgottenError(subjectId);
    return entry.key;
  }

  async lookup(subjectIds: readonly string[]): Promise<Map<string, VaultEntry>> {
    const found = new Map<string, VaultEntry>();
    for (const id of subjectIds) {
      const entry = this.entries.get(id);
      if (entry) found.set(id, entry);
    }
    return found;
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    if (this.entries.get(subjectId)?.status === 'destroyed') return;
    this.entries.set(subjectId, { status: 'destroyed', destroyedAt: at.toISOString() });
  }
}
