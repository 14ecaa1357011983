// Prints each Lambda bundle's size (raw and gzipped) and its cold load time: the time a fresh Node
// process takes to import dist/index.mjs and find `handler`, median of several runs.
// Run after `pnpm build` (or use `npm run bench:bundles`, which builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './lib/toolchain.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const lambdasDir = join(repoRoot, 'packages', 'lambdas');
const probe = `
const start = process.hrtime.bigint();
const module = await import(process.argv[1]);
const loaded = process.hrtime.bigint();
if (typeof module.handler !== 'function') { console.error('no handler export'); process.exit(2); }
console.log(JSON.stringify({ importMs: Number(loaded - start) / 1e6 }));
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows = [];
for (const name of readdirSync(lambdasDir).sort()) {
  const bundle = join(lambdasDir, name, 'dist', 'index.mjs');
  if (!existsSync(bundle)) {
    console.error(`missing ${bundle}: run pnpm build first`);
    process.exitCode = 1;
    continue;
  }
  const imports = [];
  const processes = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe, pathToFileURL(bundle).href], { encoding: 'utf8' });
    const ended = process.hrtime.bigint();
    if (result.status !== 0) throw new Error(`${name}: ${result.stderr}`);
    imports.push(JSON.parse(result.stdout).importMs);
    processes.push(Number(ended - started) / 1e6);
  }
  const bytes = statSync(bundle).size;
  rows.push({
    lambda: name,
    'size KiB': (bytes / 1024).toFixed(0),
    'gzip KiB': (gzipSync(readFileSync(bundle)).length / 1024).toFixed(0),
    'import ms (median)': median(imports).toFixed(1),
    'process ms (median)': median(processes).toFixed(1),
  });
}

console.log(`Lambda bundles: node ${process.version}, ${runs} fresh processes each`);
console.table(rows);
