import { randomUUID } from 'node:crypto';
import { StreamEventIds } from './stream-event-ids';

describe('StreamEventIds', () => {
  const uuids = (n: number) => Array.from({ length: n }, () => randomUUID());

  it('finds each id at its index and gives it back as it was', () => {
    const ids = uuids(50);
    const list = StreamEventIds.of(ids);
    expect(list.length).toBe(50);
    ids.forEach((id, i) => {
      expect(list.indexOf(id)).toBe(i);
      expect(list.at(i)).toBe(id);
    });
    expect(list.indexOf(randomUUID())).toBe(-1);
    expect(list.has(ids[49])).toBe(true);
    expect(list.at(50)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
  });

  it('leaves a view as it was when it or an older view is appended to', () => {
    const [a, b, c, d] = uuids(4);
    const one = StreamEventIds.of([a]);
    const two = one.appended([b]);
    const three = two.appended([c]);
    // Appending to an older view (another branch) must not change the newer ones.
    const branch = two.appended([d]);
    expect(one.length).toBe(1);
    expect(one.has(b)).toBe(false);
    expect(two.has(c)).toBe(false);
    expect(three.at(2)).toBe(c);
    expect(three.has(d)).toBe(false);
    expect(branch.at(2)).toBe(d);
    expect(branch.has(c)).toBe(false);
    expect(three.appended([]).length).toBe(3);
  });

  it('grows past its first storage one append at a time', () => {
    const ids = uuids(1000);
    let list = StreamEventIds.EMPTY;
    for (const id of ids) list = list.appended([id]);
    expect(list.length).toBe(1000);
    expect(list.indexOf(ids[0])).toBe(0);
    expect(list.indexOf(ids[999])).toBe(999);
    expect(list.at(500)).toBe(ids[500]);
  });

  it('keeps ids that are not lower-case UUIDs as they are, and does not confuse them with the zero UUID', () => {
    const zero = '00000000-0000-0000-0000-000000000000';
    const upper = randomUUID().toUpperCase();
    const list = StreamEventIds.of(['event-1', upper, zero]);
    expect(list.indexOf('event-1')).toBe(0);
    expect(list.indexOf(upper)).toBe(1);
    expect(list.indexOf(upper.toLowerCase())).toBe(-1);
    expect(list.indexOf(zero)).toBe(2);
    expect(list.at(0)).toBe('event-1');
    expect(list.at(1)).toBe(upper);
    expect(list.at(2)).toBe(zero);
    expect(StreamEventIds.of(['event-1']).indexOf(zero)).toBe(-1);
  });

  it('does not match an id across the boundary of two others', () => {
    // The second half of one id followed by the first half of the next is no id of the list.
    const [a, b] = uuids(2);
    const list = StreamEventIds.of([a, b]);
    const hex = (a + b).replace(/-/g, '');
    const straddling = hex.slice(16, 48);
    const asUuid = `${straddling.slice(0, 8)}-${straddling.slice(8, 12)}-${straddling.slice(12, 16)}-${straddling.slice(16, 20)}-${straddling.slice(20)}`;
    expect(list.indexOf(asUuid)).toBe(-1);
  });
});
