import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

// Fixed namespace for ids derived from idempotency keys (a random UUID chosen once for this project).
const NAMESPACE = '6f1d3c52-8f0e-4d3b-9a57-2f0b1c9e7a44';

/** The id of the `index`-th event a keyed command writes to a stream: the same on every retry of the command. */
export const eventIdFor = (idempotencyKey: string, streamId: string, index: number): string =>
  uuidv5(`event\u0000${idempotencyKey}\u0000${streamId}\u0000${index}`, NAMESPACE);

/**
 * The id of an entity a command creates (a Doetank, a result, ...): the client's choice if given, else derived
 * from the idempotency key (a replay creates the same entity), else random.
 */
export const newIdFor = (
  chosen: string | undefined,
  idempotencyKey: string | undefined,
  purpose: string,
): string =>
  chosen ?? (idempotencyKey ? uuidv5(`id\u0000${idempotencyKey}\u0000${purpose}`, NAMESPACE) : randomUUID());
