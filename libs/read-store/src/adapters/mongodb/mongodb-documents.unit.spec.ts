import { ReadStoreValidationError } from '../../read-store.port';
import { checkBatch } from '../../read-store.batch';
import type { CollectionChange } from '../../read-store.port';
import { changeOperations } from './mongodb-documents';

const prepareChanges = (changes: CollectionChange[]) =>
  changeOperations(checkBatch({ changes }, () => new Date().toISOString()).changes);

describe('MongoDB write operations from a change', () => {
  const doc = { id: 'a', lastEventPosition: 3, title: 'Café' };

  it('stores the JSON the caller gave (serialised once, by the runner), else the document serialised here', () => {
    const given = JSON.stringify({ ...doc, title: 'as given' });
    const [withJson] = prepareChanges([{ collection: 'c', upserts: [doc], json: [given] }]);
    const [without] = prepareChanges([{ collection: 'c', upserts: [doc] }]);
    const replacement = (operation: (typeof withJson.operations)[number]) =>
      'replaceOne' in operation ? operation.replaceOne.replacement : undefined;
    expect(replacement(withJson.operations[0])).toEqual({ lastEventPosition: 3, title: 'as given' });
    expect(replacement(without.operations[0])).toEqual({ lastEventPosition: 3, title: 'Café' });
  });

  it('refuses JSON that does not come one text per upsert', () => {
    expect(() => prepareChanges([{ collection: 'c', upserts: [doc], json: [] }])).toThrow(
      ReadStoreValidationError,
    );
  });
});
