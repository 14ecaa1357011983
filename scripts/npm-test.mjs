// `npm test`: on a machine with only Node 20 and npm, installs pnpm, the workspace and the
// project's tools (Maven jars, Python environment), then lints, typechecks and runs every test in two
// lanes (scripts/lib/test-lanes.mjs), and prints the wall time per package and `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { formatTimes, summarizedTasks, TIMES_REPORT, turbo, workspacePackages } from './lib/test-lanes.mjs';
import { ensurePnpm, installWorkspace, localDir, log, repoRoot, requireNode, run } from './lib/toolchain.mjs';

/** Tasks at once in the parallel lane, beside the one exclusive suite: one per core (two on a 2-core machine). */
const PARALLEL = String(Math.max(2, availableParallelism()));

const started = Date.now();
requireNode(20);
const env = ensurePnpm();
installWorkspace(env);
run(
  'pnpm',
  [
    'exec',
    'biome',
    'check',
    'scripts',
    'package.json',
    'turbo.json',
    'biome.json',
    'vitest.shared.ts',
    'vitest.exclusive.ts',
    'tsup.shared.ts',
  ],
  env,
);

const packages = workspacePackages();
const exclusive = packages.filter((pkg) => pkg.exclusive);
const light = packages.filter((pkg) => !pkg.exclusive);
const filters = (list) => list.map((pkg) => `--filter=${pkg.name}`);
const tasksSince = Date.now();

log('building what the tests import');
const built = await turbo(['build', '--continue=always'], env);
log(
  `running the exclusive test suites one at a time (${exclusive.map((pkg) => pkg.name.replace(/^@data-pipeline\//, '')).join(', ')}) beside the rest`,
);
const [exclusiveCode, parallelCode] = await Promise.all([
  turbo(['test', ...filters(exclusive), '--only', '--concurrency=1', '--continue=always'], env),
  (async () => {
    const checks = await turbo(['lint', 'typecheck', `--concurrency=${PARALLEL}`, '--continue=always'], env);
    const tests = await turbo(['test', ...filters(light), '--only', `--concurrency=${PARALLEL}`, '--continue=always'], env);
    return checks || tests;
  })(),
]);

const times = formatTimes(summarizedTasks(tasksSince, new Set(exclusive.map((pkg) => pkg.name))), (Date.now() - started) / 1000);
mkdirSync(join(localDir, 'reports'), { recursive: true });
writeFileSync(join(localDir, 'reports', TIMES_REPORT), `${times}\n`);
spawnSync(process.execPath, ['scripts/test-summary.mjs'], { cwd: repoRoot, stdio: 'inherit', env });
process.exit(built || exclusiveCode || parallelCode ? 1 : 0);
