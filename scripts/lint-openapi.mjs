// Lints an OpenAPI document with Redocly's recommended rules (the checks client generators and documentation
// tools rely on): `node scripts/lint-openapi.mjs <openapi.json>`. Prints every problem; exits 1 on an error.
// Warnings are listed and do not fail. The integration test apps/api/test/openapi-lint.int.spec.ts runs it on
// the document the API serves.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('Usage: node scripts/lint-openapi.mjs <openapi.json>');
  process.exit(2);
}
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: readFileSync(file, 'utf8'), absoluteRef: file, config });
for (const problem of problems) {
  const where = problem.location?.[0]?.pointer ?? '';
  process.stdout.write(`${problem.severity} ${problem.ruleId} ${where}: ${problem.message}\n`);
}
const errors = problems.filter((p) => p.severity === 'error').length;
process.stdout.write(`${errors} errors, ${problems.length - errors} warnings\n`);
process.exitCode = errors > 0 ? 1 : 0;
