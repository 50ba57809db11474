import { PERSONAL_DATA_FIELDS, type PersonalDataField } from '@app/contracts/events/personal-data';
import { isSealedField, openValue, sealValue, type SealedField } from './personal-data.cipher';
import {
  PersonalDataKeyMissingError,
  PersonalDataUnreadableError,
  type PersonalDataVault,
} from './personal-data-vault.port';

/** The part of an event the transformer looks at: new events, recorded events and domain events all have it. */
export interface EventLike {
  type: string;
  data: unknown;
}

export const PERSONAL_DATA_TRANSFORMER = Symbol('PERSONAL_DATA_TRANSFORMER');

/**
 * Seals personal data on its way into the event store and opens it on the way out: the one place that knows how.
 * The write path (CommandRunner) seals every new event; every reader of events (the command side's fold, the
 * audit, the projector, a rebuild) opens what it reads. Which fields are personal is declared in
 * `PERSONAL_DATA_FIELDS` (libs/contracts).
 *
 * Opening never fails because a member was forgotten: a field whose key is destroyed reads as the declared
 * "forgotten" value (name and e-mail null). It does fail, loudly, when sealed data names a subject the vault has
 * never seen, or when a sealed value does not authenticate (tampering, a wrong key).
 */
export class PersonalDataTransformer {
  constructor(
    private readonly vault: PersonalDataVault,
    private readonly fields: Readonly<Record<string, PersonalDataField>> = PERSONAL_DATA_FIELDS,
  ) {}

  /** The event with its personal fields sealed (the subject's key is made on first use). */
  async seal<E extends EventLike>(event: E): Promise<E> {
    const spec = this.fields[event.type];
    if (!spec || !isRecord(event.data)) return event;
    const value = event.data[spec.field];
    if (value === undefined || value === null || isSealedField(value)) return event;
    const subject = spec.subject(event.data);
    const key = await this.vault.keyFor(subject);
    const sealed = sealValue(key, value, { eventType: event.type, field: spec.field, subject });
    return { ...event, data: { ...event.data, [spec.field]: sealed } };
  }

  /** Seals every event, in order. */
  async sealAll<E extends EventLike>(events: readonly E[]): Promise<E[]> {
    const sealed: E[] = [];
    for (const event of events) sealed.push(await this.seal(event));
    return sealed;
  }

  /**
   * The events with their personal fields opened: plain data, or the "forgotten" value where the subject's key is
   * destroyed. One vault lookup for the whole list. Events without personal fields come back as they are.
   */
  async open<E extends EventLike>(events: readonly E[]): Promise<E[]> {
    const subjects = new Set<string>();
    for (const event of events) {
      const found = this.personalFieldOf(event);
      if (found) subjects.add(found.subject);
    }
    if (subjects.size === 0) return events as E[];
    const entries = await this.vault.lookup([...subjects]);
    return events.map((event) => {
      const found = this.personalFieldOf(event);
      if (!found) return event;
      const { spec, subject, value } = found;
      const entry = entries.get(subject);
      let opened: unknown;
      if (entry?.status === 'destroyed') {
        // Forgotten: also a field stored in plain text before sealing existed reads as forgotten.
        opened = spec.forgotten;
      } else if (!isSealedField(value)) {
        return event;
      } else if (!entry) {
        throw new PersonalDataKeyMissingError(subject);
      } else {
        try {
          opened = openValue(entry.key, value, { eventType: event.type, field: spec.field });
        } catch (error) {
          throw new PersonalDataUnreadableError(subject, event.type, error);
        }
      }
      return { ...event, data: { ...(event.data as Record<string, unknown>), [spec.field]: opened } };
    });
  }

  /** Whether the event holds a personal field (sealed, plain or forgotten-but-present). */
  carriesPersonalData(event: EventLike): boolean {
    return this.personalFieldOf(event) !== undefined;
  }

  /** Opens one event. */
  async openOne<E extends EventLike>(event: E): Promise<E> {
    return (await this.open([event]))[0];
  }

  private personalFieldOf(
    event: EventLike,
  ): { spec: PersonalDataField; subject: string; value: unknown } | undefined {
    const spec = this.fields[event.type];
    if (!spec || !isRecord(event.data)) return undefined;
    const value = event.data[spec.field];
    if (value === undefined || value === null) return undefined;
    const subject = isSealedField(value) ? (value as SealedField).subject : spec.subject(event.data);
    return { spec, subject, value };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Something that opens personal data in events: the transformer, or a stand-in in tests. */
export interface PersonalDataReader {
  open<E extends EventLike>(events: readonly E[]): Promise<E[]>;
}

/**
 * For readers configured without a key store (unit tests, tools): events pass as they are, and sealed personal
 * data is refused loudly rather than handed on unread.
 */
export const withoutKeyStore: PersonalDataReader = {
  async open<E extends EventLike>(events: readonly E[]): Promise<E[]> {
    for (const event of events) {
      const spec = PERSONAL_DATA_FIELDS[event.type];
      const value = spec && isRecord(event.data) ? event.data[spec.field] : undefined;
      if (isSealedField(value)) {
        throw new PersonalDataUnreadableError(
          value.subject,
          event.type,
          new Error('no key store configured'),
        );
      }
    }
    return events as E[];
  },
};
