import type { CollectionChange, ReadDocument, WriteBatch } from '@app/read-store';
import { planWrites } from './write-chunks';

const doc = (id: string, size = 0): ReadDocument => ({ id, lastEventPosition: 1, text: 'x'.repeat(size) });
const checkpoint = { name: 'p@v1', position: 9, state: 'running' as const };
const ids = (batch: WriteBatch) =>
  (batch.changes ?? []).flatMap((c) => [
    ...(c.upserts ?? []).map(
      (d) => `${typeof c.collection === 'string' ? c.collection : c.collection.name}/${d.id}`,
    ),
    ...(c.deletes ?? []).map(
      (id) => `-${typeof c.collection === 'string' ? c.collection : c.collection.name}/${id}`,
    ),
  ]);

describe('planWrites', () => {
  it('writes documents and checkpoint in one batch when they fit', () => {
    const changes: CollectionChange[] = [{ collection: 'a', upserts: [doc('1'), doc('2')], deletes: ['3'] }];
    const plan = planWrites(changes, checkpoint, { maxDocuments: 3, maxBytes: 10_000 }, new Set());
    // Each document serialised once, for its size and for the store (CollectionChange.json).
    const json = [JSON.stringify(doc('1')), JSON.stringify(doc('2'))];
    expect(plan.batches).toEqual([{ changes: [{ ...changes[0], json }], checkpoints: [checkpoint] }]);
    expect(plan.documents).toBe(3);
    expect(plan.bytes).toBe(json[0].length + json[1].length + 64);
  });

  it('hands every write the JSON of its own documents, split or not', () => {
    const changes: CollectionChange[] = [
      { collection: 'a', upserts: [doc('1', 100), doc('2', 100), doc('big', 1000), doc('3', 100)] },
      { collection: 'b', upserts: [doc('4', 10)], deletes: ['5'] },
    ];
    const plan = planWrites(changes, checkpoint, { maxDocuments: 100, maxBytes: 300 }, new Set());
    expect(plan.batches.length).toBeGreaterThan(1);
    for (const change of plan.batches.flatMap((batch) => batch.changes ?? [])) {
      expect(change.json).toEqual((change.upserts ?? []).map((d) => JSON.stringify(d)));
    }
  });

  it('splits by documents, every document once, the checkpoint in the last write only', () => {
    const changes: CollectionChange[] = [
      { collection: { name: 'a', version: 2 }, upserts: [doc('1'), doc('2'), doc('3')], deletes: ['4'] },
      { collection: { name: 'b', version: 2 }, upserts: [doc('5')] },
    ];
    const plan = planWrites(changes, checkpoint, { maxDocuments: 2, maxBytes: Infinity }, new Set());
    expect(plan.batches.map(ids)).toEqual([['a/1', 'a/2'], ['a/3', '-a/4'], ['b/5']]);
    expect(plan.batches.map((b) => b.checkpoints)).toEqual([undefined, undefined, [checkpoint]]);
    expect(plan.bytes).toBe(0); // not measured without a byte bound
  });

  it('splits by bytes, and writes a document over the bound alone', () => {
    const changes: CollectionChange[] = [
      { collection: 'a', upserts: [doc('1', 100), doc('2', 100), doc('big', 1000), doc('3', 100)] },
    ];
    const plan = planWrites(changes, checkpoint, { maxDocuments: 100, maxBytes: 300 }, new Set());
    expect(plan.batches.map(ids)).toEqual([['a/1', 'a/2'], ['a/big'], ['a/3']]);
    expect(plan.bytes).toBeGreaterThan(1300);
  });

  it('writes the collections read as related documents last', () => {
    const changes: CollectionChange[] = [
      { collection: 'subjects', upserts: [doc('s1'), doc('s2')] },
      { collection: 'entries', upserts: [doc('e1'), doc('e2'), doc('e3')] },
    ];
    const plan = planWrites(
      changes,
      checkpoint,
      { maxDocuments: 2, maxBytes: Infinity },
      new Set(['subjects']),
    );
    expect(plan.batches.map(ids)).toEqual([
      ['entries/e1', 'entries/e2'],
      ['entries/e3', 'subjects/s1'],
      ['subjects/s2'],
    ]);
    expect(plan.batches[2].checkpoints).toEqual([checkpoint]);
  });

  it('writes the checkpoint alone when no document changed', () => {
    expect(planWrites([], checkpoint, { maxDocuments: 1, maxBytes: 1 }, new Set()).batches).toEqual([
      { changes: [], checkpoints: [checkpoint] },
    ]);
  });
});
