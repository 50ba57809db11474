import { EVENT_SCHEMA_VERSIONS, isNetworkEventType, type NetworkEvent } from './index';

/**
 * Lifts stored event data written with an older schema version to the current one. Keyed by
 * `<type>@<fromVersion>`; each step returns data of version `fromVersion + 1`. No event has changed its schema
 * yet, so the table is empty; it is the one place to add a step when one does.
 */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export const UPCASTERS: Readonly<Record<string, Upcaster>> = {};

export class UnknownEventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
  ) {
    super(`No upcaster lifts ${eventType} from schema version ${schemaVersion}`);
  }
}

/** Returns the event as the current code expects it, whatever schema version it was written with. */
export const upcast = (type: string, data: unknown, schemaVersion: number): NetworkEvent => {
  if (!isNetworkEventType(type)) throw new UnknownEventSchemaError(type, schemaVersion);
  const target = EVENT_SCHEMA_VERSIONS[type];
  let current = data as Record<string, unknown>;
  for (let version = schemaVersion; version < target; version++) {
    const step = UPCASTERS[`${type}@${version}`];
    if (!step) throw new UnknownEventSchemaError(type, version);
    current = step(current);
  }
  if (schemaVersion > target) throw new UnknownEventSchemaError(type, schemaVersion);
  return { type, data: current } as NetworkEvent;
};
