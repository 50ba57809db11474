import { createHmac } from 'node:crypto';

/**
 * The keyed hash (HMAC-SHA-256 with EMAIL_HASH_KEY) of a normalised e-mail address: the id of its claim stream
 * (`member_email-<hash>`), so no address appears in a stream name. Without the key it cannot be recomputed from a
 * guessed address.
 */
export const emailHashOf = (key: string, email: string): string =>
  createHmac('sha256', key).update(email.trim().toLowerCase()).digest('hex');
