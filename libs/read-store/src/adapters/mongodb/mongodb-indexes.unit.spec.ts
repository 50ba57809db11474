import { normalizeDeclaration } from '../../read-store.validation';
import { indexesToPrune } from './mongodb-indexes';

describe('indexesToPrune (MongoDB)', () => {
  const declaration = normalizeDeclaration({
    name: 'timeline',
    arrayFields: ['memberIds'],
    indexes: [
      { name: 'by_time', fields: [{ field: 'occurredAt', order: 'desc' }] },
      { name: 'by_member', fields: [{ field: 'memberIds' }, { field: 'occurredAt', order: 'desc' }] },
    ],
  });

  it('names our indexes that are undeclared or declared with another key', () => {
    const existing = [
      { name: 'rs_by_time', key: { occurredAt: 1, _id: 1 } }, // declared descending now
      { name: 'rs_by_member', key: { memberIds: 1, occurredAt: -1, _id: -1 } },
      { name: 'rs_by_kind', key: { kind: 1, _id: 1 } }, // no longer declared
    ];
    expect(indexesToPrune(existing, declaration)).toEqual([
      { name: 'rs_by_time', index: 'by_time', reason: 'changed' },
      { name: 'rs_by_kind', index: 'by_kind', reason: 'undeclared' },
    ]);
  });

  it('has nothing to prune when the indexes are the declared ones (key values as the server returns them)', () => {
    const existing = [
      { name: 'rs_by_time', key: { occurredAt: -1, _id: -1 } },
      { name: 'rs_by_member', key: { memberIds: 1.0, occurredAt: -1.0, _id: -1.0 } },
    ];
    expect(indexesToPrune(existing, declaration)).toEqual([]);
  });
});
