import { createHash } from 'node:crypto';
import { chainHash, GENESIS_HASH, storedJson } from './event-hash';
import { leafHash, merkleRoot } from './seal';

const sha = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const framed = (...parts: string[]) => parts.map((part) => `${Buffer.byteLength(part)}:${part}`).join('');

/** The hash and the Merkle root as docs/architecture.md ("Tamper evidence") defines them, recomputed by hand. */
describe('The chain hash', () => {
  const event = {
    streamId: 'doetank-1',
    revision: 0,
    id: 'ABCDEF00-0000-4000-8000-000000000000',
    type: 'DoetankProposed',
    ...storedJson({
      data: { title: 'Droge voeten — café' },
      metadata: { occurredAt: '2012-02-01T10:00:00.000Z' },
    }),
  };

  it('is SHA-256 over the length-prefixed parts, the id in lower case', () => {
    const expected = sha(
      framed(
        'slimmernetwerk-event-v1',
        GENESIS_HASH,
        'doetank-1',
        '0',
        'abcdef00-0000-4000-8000-000000000000',
        'DoetankProposed',
        '{"title":"Droge voeten — café"}',
        '{"occurredAt":"2012-02-01T10:00:00.000Z"}',
      ),
    ).toString('hex');
    expect(chainHash(GENESIS_HASH, event)).toBe(expected);
  });

  it('changes with any part, and with the previous hash', () => {
    const base = chainHash(GENESIS_HASH, event);
    expect(chainHash('a'.repeat(64), event)).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...event, revision: 1 })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...event, metadata: event.metadata.replace('2012', '2008') })).not.toBe(
      base,
    );
    // Length prefixes: moving a character from one part to the next is another text.
    expect(chainHash(GENESIS_HASH, { ...event, streamId: 'doetank-', type: `1${event.type}` })).not.toBe(
      base,
    );
  });
});

describe('The Merkle root of the stream heads', () => {
  const heads = new Map([
    ['b', { revision: 1, hash: 'h-b' }],
    ['a', { revision: 0, hash: 'h-a' }],
    ['c', { revision: 4 }],
  ]);

  it('hashes leaves sorted by stream, pairs them with 0x01, and carries an odd node up', () => {
    const leaf = (id: string, revision: string, hash: string) => sha('\x00', framed(id, revision, hash));
    expect(leafHash('a', { revision: 0, hash: 'h-a' })).toEqual(leaf('a', '0', 'h-a'));
    const ab = sha('\x01', leaf('a', '0', 'h-a'), leaf('b', '1', 'h-b'));
    // A head written before hashing counts with an empty hash.
    const expected = sha('\x01', ab, leaf('c', '4', '')).toString('hex');
    expect(merkleRoot(heads)).toBe(expected);
  });

  it('of no streams is SHA-256 of nothing', () => {
    expect(merkleRoot(new Map())).toBe(sha().toString('hex'));
  });
});
