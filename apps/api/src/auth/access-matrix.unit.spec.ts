import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_MATRIX, withAccessMatrix } from './access-matrix';

/** Without the padding and blank lines a Markdown formatter may add. */
const normalised = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith('|') ? line.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---') : line))
    .join('\n');

describe('The authorisation matrix', () => {
  it('is shown in docs/security.md exactly as the code has it (npm run docs:access-matrix)', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/security.md'), 'utf8');
    expect(normalised(doc)).toBe(normalised(withAccessMatrix(doc)));
  });

  it('has one row per endpoint', () => {
    const keys = ACCESS_MATRIX.map((row) => `${row.method} ${row.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the rule for every member who may act only as themselves or as lead', () => {
    for (const row of ACCESS_MATRIX) {
      if (row.member === 'self' || row.member === 'lead') expect(row.rule).toEqual(expect.any(String));
    }
  });
});
