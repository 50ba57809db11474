import { randomUUID } from 'node:crypto';
import { WrittenIds } from './written-ids';

describe('WrittenIds (the documents a rebuild wrote)', () => {
  it('never calls a written document unwritten, and rarely an unwritten one written', () => {
    const ids = new WrittenIds();
    const written = Array.from({ length: 50_000 }, (_, i) =>
      i % 3 === 0 ? `member-${randomUUID()}` : randomUUID(),
    );
    for (const id of written) ids.add('timeline', id);

    expect(written.every((id) => ids.mayHave('timeline', id))).toBe(true);
    let falsePositives = 0;
    for (let i = 0; i < 10_000; i++) if (ids.mayHave('timeline', randomUUID())) falsePositives++;
    expect(falsePositives / 10_000).toBeLessThan(0.005);
  });

  it('tells collections apart, and knows nothing before the first write', () => {
    const ids = new WrittenIds();
    expect(ids.mayHave('members', 'm-1')).toBe(false);
    ids.add('members', 'm-1');
    expect(ids.mayHave('members', 'm-1')).toBe(true);
    expect(ids.mayHave('retrospective_refs', 'm-1')).toBe(false);
    expect(ids.mayHave('members', 'm-2')).toBe(false);
  });

  it('grows by filters of doubling size as ids arrive: a few bytes per id', () => {
    const ids = new WrittenIds();
    ids.add('timeline', 'first');
    expect(ids.bytes).toBe(128 * 1024);
    for (let i = 0; i < 100_000; i++) ids.add('timeline', `entry-${i}`);
    // Room for 65,536 + 131,072 ids in 128 + 256 KB.
    expect(ids.bytes).toBe(3 * 128 * 1024);
    expect(ids.mayHave('timeline', 'first')).toBe(true);
    expect(ids.mayHave('timeline', 'entry-99999')).toBe(true);
  });
});
