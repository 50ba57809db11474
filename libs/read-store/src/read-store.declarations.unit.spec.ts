import { mergeDeclarations, undeclaredIndexes } from './read-store.declarations';
import { ReadStoreValidationError } from './read-store.port';
import { normalizeDeclaration } from './read-store.validation';

const at = { name: 'by_at', fields: [{ field: 'at', order: 'desc' as const }] };
const kind = { name: 'by_kind', fields: [{ field: 'kind' }, { field: 'at' }] };
const tag = { name: 'by_tag', fields: [{ field: 'tags' }, { field: 'at' }] };

describe('mergeDeclarations', () => {
  it('gives a new version exactly the declaration', () => {
    const declared = normalizeDeclaration({ name: 't', indexes: [at] });
    expect(mergeDeclarations(undefined, declared)).toEqual(declared);
  });

  it('keeps every stored index and array field, adds the declared ones it lacks', () => {
    const stored = normalizeDeclaration({ name: 't', arrayFields: ['tags'], indexes: [kind, tag] });
    const declared = normalizeDeclaration({ name: 't', arrayFields: ['m'], indexes: [at] });
    expect(mergeDeclarations(stored, declared)).toEqual(
      normalizeDeclaration({ name: 't', arrayFields: ['m', 'tags'], indexes: [kind, tag, at] }),
    );
    // Declaring what is already there changes nothing.
    const merged = mergeDeclarations(stored, declared);
    expect(mergeDeclarations(merged, declared)).toEqual(merged);
    expect(mergeDeclarations(merged, stored)).toEqual(merged);
  });

  it('keeps the stored form of an index declared under its name with other fields', () => {
    const stored = normalizeDeclaration({ name: 't', indexes: [at] });
    const declared = normalizeDeclaration({
      name: 't',
      indexes: [{ name: 'by_at', fields: [{ field: 'at' }] }],
    });
    expect(mergeDeclarations(stored, declared).indexes).toEqual(stored.indexes);
  });

  it('makes a stored index multikey when its field is declared an array field', () => {
    const stored = normalizeDeclaration({ name: 't', indexes: [tag] });
    const declared = normalizeDeclaration({ name: 't', arrayFields: ['tags'] });
    expect(mergeDeclarations(stored, declared).indexes).toEqual([
      { ...stored.indexes[0], arrayField: 'tags' },
    ]);
  });

  it('refuses a union that is no declaration, saying how to get out', () => {
    const stored = normalizeDeclaration({
      name: 't',
      arrayFields: ['tags'],
      indexes: [{ name: 'pair', fields: [{ field: 'tags' }, { field: 'm' }] }],
    });
    const declared = normalizeDeclaration({ name: 't', arrayFields: ['m'] });
    expect(() => mergeDeclarations(stored, declared)).toThrow(ReadStoreValidationError);
    expect(() => mergeDeclarations(stored, declared)).toThrow(/new version.*projections:indexes/);
  });
});

describe('undeclaredIndexes', () => {
  it('names the stored indexes the declaration lacks or declares otherwise', () => {
    const stored = normalizeDeclaration({ name: 't', arrayFields: ['tags'], indexes: [kind, tag, at] });
    const declared = normalizeDeclaration({
      name: 't',
      indexes: [
        kind,
        { name: 'by_at', fields: [{ field: 'at' }] },
        { name: 'by_n', fields: [{ field: 'n' }] },
      ],
    });
    expect(undeclaredIndexes(stored, declared).map(({ index, reason }) => [index.name, reason])).toEqual([
      // by_tag: not declared at all; by_at: declared ascending; by_n is missing, not undeclared.
      ['by_tag', 'undeclared'],
      ['by_at', 'changed'],
    ]);
    expect(undeclaredIndexes(declared, declared)).toEqual([]);
  });

  it('counts an index that stops (or starts) being multikey as changed', () => {
    const stored = normalizeDeclaration({ name: 't', arrayFields: ['tags'], indexes: [tag] });
    const declared = normalizeDeclaration({ name: 't', indexes: [tag] });
    expect(undeclaredIndexes(stored, declared).map((u) => u.reason)).toEqual(['changed']);
  });
});
