// Adds up the vitest JSON reports of every package (written by the shared preset) and prints the
// closing line `N passed, N failed`, after the reports tests leave in <local dir>/reports/ (the fault matrix)
// and, just above it, the wall time per package that npm test measured.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TIMES_REPORT } from './lib/test-lanes.mjs';
import { repoRoot } from './lib/toolchain.mjs';

const packageDirs = [];
for (const parent of ['packages', 'packages/lambdas']) {
  const dir = join(repoRoot, parent);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) packageDirs.push(join(dir, name));
}
packageDirs.push(join(repoRoot, 'asl'), join(repoRoot, 'infra'));

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of packageDirs) {
  const report = join(dir, 'node_modules', '.vitest', 'results.json');
  if (!existsSync(report)) continue;
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests ?? 0;
  failed += results.numFailedTests ?? 0;
  skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
}
const reports = join(process.env.DATA_PIPELINE_LOCAL_DIR ?? join(repoRoot, '.local'), 'reports');
if (existsSync(reports)) {
  const names = readdirSync(reports)
    .filter((file) => file.endsWith('.md') && file !== TIMES_REPORT)
    .sort();
  if (existsSync(join(reports, TIMES_REPORT))) names.push(TIMES_REPORT);
  for (const name of names) {
    const file = join(reports, name);
    console.log(`\n${name} (written ${statSync(file).mtime.toISOString()})\n${readFileSync(file, 'utf8').trimEnd()}\n`);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (passed === 0) process.exitCode = 1;
