import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_SECTIONS, withSection } from './route-docs';

/** Without the padding and blank lines a Markdown formatter may add. */
const normalised = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith('|') ? line.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---') : line))
    .join('\n');

describe('The tables the documentation takes from the routes', () => {
  it.each(GENERATED_SECTIONS.map((section) => [section.file, section] as const))(
    '%s shows them exactly as the code has them (npm run docs:routes)',
    (file, { name, render }) => {
      const doc = readFileSync(join(__dirname, '../../../..', file), 'utf8');
      expect(normalised(doc)).toBe(normalised(withSection(doc, name, render())));
    },
  );

  it('refuses a document without the markers', () => {
    expect(() => withSection('# Nothing here', 'access-matrix', '| a |')).toThrow(
      /no <!-- access-matrix:begin/,
    );
  });
});
