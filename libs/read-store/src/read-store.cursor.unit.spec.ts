import { decodeCursor, encodeCursor } from './read-store.cursor';
import { InvalidCursorError } from './read-store.port';

describe('keyset cursors', () => {
  const signature = 'occurredAt:desc,id:desc';

  it('round-trip the sort values and the id', () => {
    const position = { values: ['2012-11-22T19:30:00.000Z'], id: 'event-1' };
    expect(decodeCursor(encodeCursor(signature, position), signature, 1)).toEqual(position);
  });

  it('carry null (null or missing), numbers, booleans and unicode', () => {
    const position = { values: [null, -4.5, true, 'Café ✓ 😀'], id: 'ünï' };
    expect(decodeCursor(encodeCursor(signature, position), signature, 4)).toEqual(position);
  });

  it('are URL-safe', () => {
    expect(encodeCursor(signature, { values: ['??>>//++'], id: '~~~' })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('are refused for another sort', () => {
    const cursor = encodeCursor(signature, { values: ['2012'], id: 'a' });
    expect(() => decodeCursor(cursor, 'occurredAt:asc,id:asc', 1)).toThrow(InvalidCursorError);
  });

  it('are refused with the wrong number of sort values', () => {
    const cursor = encodeCursor(signature, { values: ['2012'], id: 'a' });
    expect(() => decodeCursor(cursor, signature, 2)).toThrow(InvalidCursorError);
  });

  const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['JSON null', forged(null)],
    ['an unknown format', forged({ v: 2, s: signature, k: ['x'], i: 'a' })],
    ['values that are not scalars', forged({ v: 1, s: signature, k: [{ $gt: 1 }], i: 'a' })],
    ['a missing id', forged({ v: 1, s: signature, k: ['x'] })],
    ['an empty id', forged({ v: 1, s: signature, k: ['x'], i: '' })],
    ['too long', 'a'.repeat(20_000)],
  ])('are refused when %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, signature, 1)).toThrow(InvalidCursorError);
  });
});
