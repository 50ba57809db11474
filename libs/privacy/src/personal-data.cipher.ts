import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The algorithm of sealed fields; the marker in every envelope. */
export const SEALED_ALGORITHM = 'aes-256-gcm';

/**
 * A sealed field as stored in an event: the JSON of the plain value, encrypted with AES-256-GCM under the
 * subject's key, with a fresh 96-bit IV. The additional authenticated data binds it to its event type, field and
 * subject, so a sealed value copied into another member's event does not open.
 */
export interface SealedField {
  sealed: typeof SEALED_ALGORITHM;
  /** Envelope format version. */
  v: 1;
  /** Whose key seals it (the key id). */
  subject: string;
  /** base64 */
  iv: string;
  /** base64 GCM authentication tag (128 bits). */
  tag: string;
  /** base64 ciphertext. */
  data: string;
}

export const isSealedField = (value: unknown): value is SealedField =>
  typeof value === 'object' &&
  value !== null &&
  (value as { sealed?: unknown }).sealed === SEALED_ALGORITHM &&
  typeof (value as { data?: unknown }).data === 'string';

const aadOf = (eventType: string, field: string, subject: string) =>
  Buffer.from(`slimmernetwerk/personal-data/v1\u0000${eventType}\u0000${field}\u0000${subject}`, 'utf8');

export function sealValue(
  key: Buffer,
  value: unknown,
  where: { eventType: string; field: string; subject: string },
): SealedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv(SEALED_ALGORITHM, key, iv);
  cipher.setAAD(aadOf(where.eventType, where.field, where.subject));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    sealed: SEALED_ALGORITHM,
    v: 1,
    subject: where.subject,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Opens a sealed field; throws when the key is wrong or the envelope was tampered with (GCM authentication). */
export function openValue(
  key: Buffer,
  sealed: SealedField,
  where: { eventType: string; field: string },
): unknown {
  if (sealed.v !== 1) throw new Error(`Unknown sealed field version ${String(sealed.v)}`);
  const decipher = createDecipheriv(SEALED_ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(aadOf(where.eventType, where.field, sealed.subject));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}
