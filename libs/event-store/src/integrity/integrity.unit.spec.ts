import { createHash } from 'node:crypto';
import { chainHash, GENESIS_HASH, storedJson } from './event-hash';
import { leafHash, MerkleRoot, merkleRoot } from './seal';

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

describe('The Merkle root built leaf by leaf', () => {
  /** The definition, level by level: pairs from the left, an odd node at a level's end carried up. */
  const byLevels = (ids: string[]) => {
    let level = ids.map((id) => leafHash(id, { revision: 0, hash: id }));
    while (level.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i < level.length; i += 2) {
        next.push(i + 1 < level.length ? sha('\x01', level[i], level[i + 1]) : level[i]);
      }
      level = next;
    }
    return (level[0] ?? sha()).toString('hex');
  };

  it('gives the level-by-level root for every count of leaves up to 70', () => {
    for (let n = 0; n <= 70; n++) {
      const ids = Array.from({ length: n }, (_, i) => `s-${String(i).padStart(3, '0')}`);
      const root = new MerkleRoot();
      for (const id of ids) root.add(id, { revision: 0, hash: id });
      expect({ n, root: root.digest() }).toEqual({ n, root: byLevels(ids) });
      expect(root.leaves).toBe(n);
    }
  });

  it('refuses leaves out of stream-id order', () => {
    const root = new MerkleRoot();
    root.add('b', { revision: 0 });
    expect(() => root.add('a', { revision: 0 })).toThrow('out of order');
  });
});
