// `npm test`: on a machine with only Node 20 and npm, installs pnpm, the workspace and the
// project's tools (Maven jars, Python environment), then lints and typechecks the whole tree (one Biome
// run, one TypeScript program) and runs every test, in two lanes (scripts/lib/test-lanes.mjs),, and prints the wall time per package and `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { formatTimes, rootTasks, summarizedTasks, TIMES_REPORT, timed, turbo, workspacePackages } from './lib/test-lanes.mjs';
import { ensurePnpm, installWorkspace, localDir, log, repoRoot, requireNode } from './lib/toolchain.mjs';

/** Tasks at once in the parallel lane, beside the one exclusive suite: one per core (two on a 2-core machine). */
const PARALLEL = String(Math.max(2, availableParallelism()));
/**
 * The builds and the parallel lane run at a lower CPU priority: the exclusive lane is the longer one, so
 * it gets the cores first. 5, not more: a process at 5 still gets about a quarter of a contended core, so a vitest
 * worker of the parallel lane is never starved long enough for its RPC to the main process to time out.
 */
const PARALLEL_NICENESS = 5;

const started = Date.now();
requireNode(20);
const env = ensurePnpm();
installWorkspace(env);
const packages = workspacePackages();
const exclusive = packages.filter((pkg) => pkg.exclusive);
const light = packages.filter((pkg) => !pkg.exclusive);
const filters = (list) => list.map((pkg) => `--filter=${pkg.name}`);
const tasksSince = Date.now();

const short = (list) => list.map((pkg) => pkg.name.replace(/^@data-pipeline\//, '')).join(', ');
const exclusiveFirst = exclusive.filter((pkg) => !pkg.testsNeedBuild);
const exclusiveAfterBuild = exclusive.filter((pkg) => pkg.testsNeedBuild);
log(`exclusive suites, one at a time: ${short(exclusiveFirst)}, then (after the builds) ${short(exclusiveAfterBuild)}`);
const build = turbo(['build', '--concurrency=2', '--continue=always'], env, PARALLEL_NICENESS);
const [builtCode, exclusiveCode, parallelCode] = await Promise.all([
  build,
  (async () => {
    const first = await turbo(['test', ...filters(exclusiveFirst), '--only', '--concurrency=1', '--continue=always'], env);
    await build;
    const second = await turbo(['test', ...filters(exclusiveAfterBuild), '--only', '--concurrency=1', '--continue=always'], env);
    return first || second;
  })(),
  (async () => {
    // One Biome run and one TypeScript program over the whole tree: a tsc per package would check the
    // shared sources (core, model) and the SDK's types once per package, many times the CPU.
    const lint = await timed('lint', ['pnpm', 'exec', 'biome', 'check', '.'], env, PARALLEL_NICENESS);
    const typecheck = await timed('typecheck', ['pnpm', 'exec', 'tsc', '-p', 'tsconfig.json'], env, PARALLEL_NICENESS);
    const checks = lint || typecheck;
    await build;
    const tests = await turbo(
      ['test', ...filters(light), '--only', `--concurrency=${PARALLEL}`, '--continue=always'],
      env,
      PARALLEL_NICENESS,
    );
    return checks || tests;
  })(),
]);

const times = formatTimes(
  [...summarizedTasks(tasksSince, new Set(exclusive.map((pkg) => pkg.name))), ...rootTasks],
  (Date.now() - started) / 1000,
);
mkdirSync(join(localDir, 'reports'), { recursive: true });
writeFileSync(join(localDir, 'reports', TIMES_REPORT), `${times}\n`);
spawnSync(process.execPath, ['scripts/test-summary.mjs'], { cwd: repoRoot, stdio: 'inherit', env });
process.exit(builtCode || exclusiveCode || parallelCode ? 1 : 0);
