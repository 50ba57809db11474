import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_SECTIONS, withSection } from './route-docs';

// `npm run docs:routes`: writes the access matrix into docs/security.md and the import's command table into
// docs/import.md, between their markers, from the routes' declarations.
for (const { file, name, render } of GENERATED_SECTIONS) {
  writeFileSync(file, withSection(readFileSync(file, 'utf8'), name, render()));
  console.log(`${file}: ${name} updated`);
}
