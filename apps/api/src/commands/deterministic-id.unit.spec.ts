import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { eventIdFor, newIdFor } from './deterministic-id';

const NAMESPACE = '6f1d3c52-8f0e-4d3b-9a57-2f0b1c9e7a44';

describe('ids derived from idempotency keys', () => {
  it('are the ids stored before: the same values as they were when first written', () => {
    // Events already in stores carry these ids; a repeated request must derive them again.
    expect(eventIdFor('key-1', 'member-abc', 0)).toBe('db5ece9d-31bf-599a-b1ee-349b613eeabe');
    expect(newIdFor(undefined, 'key-1', 'doetank')).toBe('ddb42634-06fd-521f-83c5-278f9f7cebd0');
  });

  it("agree with the uuid package's version 5 for any key, also beyond ASCII", () => {
    const keys = [
      '',
      'a',
      'sleutel-é-ß',
      '漢字のキー',
      'emoji 🙂 key',
      ...Array.from({ length: 200 }, () => randomUUID()),
    ];
    for (const key of keys) {
      for (const index of [0, 1, 12]) {
        expect(eventIdFor(key, `doetank-${key}`, index)).toBe(
          uuidv5(`event\u0000${key}\u0000doetank-${key}\u0000${index}`, NAMESPACE),
        );
      }
      expect(newIdFor(undefined, key || 'k', 'result')).toBe(
        uuidv5(`id\u0000${key || 'k'}\u0000result`, NAMESPACE),
      );
    }
  });

  it('keep a chosen id, and are random without a key', () => {
    expect(newIdFor('chosen', 'key-1', 'doetank')).toBe('chosen');
    const random = newIdFor(undefined, undefined, 'doetank');
    expect(random).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdFor(undefined, undefined, 'doetank')).not.toBe(random);
  });
});
