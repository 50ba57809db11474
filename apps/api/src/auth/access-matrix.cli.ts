import { readFileSync, writeFileSync } from 'node:fs';
import { withAccessMatrix } from './access-matrix';

// `npm run docs:access-matrix`: writes the authorisation matrix into docs/security.md between its markers.
const file = process.argv[2] ?? 'docs/security.md';
writeFileSync(file, withAccessMatrix(readFileSync(file, 'utf8')));
console.log(`${file}: access matrix updated`);
