import type { ReadDocument } from '../read-store.port';

/**
 * The read store contract's documents for `find`: mixed types and gaps on purpose (null vs missing, numbers vs
 * numeric strings, booleans vs 1, arrays, a nested object), so filters and sorts meet every case of the ordering.
 */
export const MIXED_DOCUMENTS: ReadDocument[] = [
  {
    id: 'a',
    kind: 'x',
    n: 1,
    s: 'apple',
    tags: ['red', 'green'],
    when: '2012-01-05T10:00:00.000Z',
    flag: true,
    nested: { k: 'v1' },
  },
  {
    id: 'b',
    kind: 'y',
    n: 2,
    s: 'banana',
    tags: ['yellow'],
    when: '2012-03-01T10:00:00.000Z',
    flag: false,
    nested: { k: 'v2' },
  },
  { id: 'c', kind: 'x', n: 3, s: 'cherry', tags: ['red'], when: '2012-11-22T10:00:00.000Z', flag: 1 },
  { id: 'd', kind: 'y', n: null, s: 'date', tags: [], when: '2013-02-01T10:00:00.000Z' },
  { id: 'e', kind: 'x', s: '10', tags: ['green', 'green'], when: '2011-12-31T10:00:00.000Z' },
  { id: 'f', kind: 'z', n: 2.5, s: 'fig', tags: ['blue', 'red'], when: '2012-06-30T10:00:00.000Z' },
  { id: 'g', kind: null, n: -4, s: 7, when: '2012-06-30T10:00:00.000Z' },
  { id: 'h', n: 'many', s: 'hazelnut', tags: ['Red'], when: '2012-01-05T10:00:00.000Z' },
];
