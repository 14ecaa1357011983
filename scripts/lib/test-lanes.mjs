// The two lanes of `npm test`, scheduled by the resources tests use rather than by package count:
// - exclusive: the test suites that start JVMs (s3proxy, Spark) or a browser, one at a time
//   (packages whose package.json says `"exclusiveTests": "<what they start>"`);
// - parallel: lint and typecheck of every package, and the pure-TypeScript test suites, a few at a time.
// Both lanes run at once. The builds run once, beside the suites that need none: the lanes then run the
// tests with `--only`, so two turbo runs never build or restore the same outputs at the same time.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './toolchain.mjs';

const running = new Set();
let stoppedBy;
/**
 * A signal that stops `npm test` stops the turbo runs it started (and through them the suites and their
 * services), and no further run starts.
 */
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stoppedBy = signal;
    for (const child of running) child.kill(signal);
  });
}

/** The report of the per-package times, which the summary prints just above the closing line. */
export const TIMES_REPORT = 'test-times.md';

/** True when the package's turbo.json makes its test task depend on a build (it runs Lambda bundles). */
function testsNeedBuild(dir) {
  const file = join(repoRoot, dir, 'turbo.json');
  if (!existsSync(file)) return false;
  return (JSON.parse(readFileSync(file, 'utf8')).tasks?.test?.dependsOn ?? []).some((dependency) => dependency.endsWith('build'));
}

/** Every workspace package: its name, folder, whether its tests are exclusive and whether they need the builds. */
export function workspacePackages() {
  const dirs = [];
  for (const parent of ['packages', 'packages/lambdas']) {
    const dir = join(repoRoot, parent);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) dirs.push(join(parent, name));
  }
  dirs.push('asl', 'infra');
  return dirs
    .filter((dir) => existsSync(join(repoRoot, dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
      return { name: manifest.name, dir, exclusive: manifest.exclusiveTests, testsNeedBuild: testsNeedBuild(dir) };
    });
}

/**
 * Runs `turbo run <args>` with a run summary (in .turbo/runs); resolves with its exit code. `niceness`
 * lowers the CPU priority of the run and everything it starts (where `nice` exists), so that the lane on
 * the critical path, the exclusive one, gets the cores first and the other lane fills the idle time.
 */
export function turbo(args, env, niceness = 0) {
  const command = ['pnpm', 'exec', 'turbo', 'run', ...args, '--summarize', '--output-logs=errors-only', '--log-prefix=task'];
  if (niceness && process.platform !== 'win32') command.unshift('nice', '-n', String(niceness));
  if (stoppedBy) return Promise.resolve(1);
  return new Promise((resolveRun) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    running.add(child);
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolveRun(code ?? (signal ? 1 : 0));
    });
  });
}

/** The checks run over the whole tree (not per package), with their times, for the table of times. */
export const rootTasks = [];

/** Runs one command over the whole tree in the repository root, timed as a task of the `(root)` row. */
export function timed(task, command, env, niceness = 0) {
  const argv = niceness && process.platform !== 'win32' ? ['nice', '-n', String(niceness), ...command] : command;
  if (stoppedBy) return Promise.resolve(1);
  const startTime = Date.now();
  return new Promise((resolveRun) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env });
    running.add(child);
    child.on('exit', (code, signal) => {
      running.delete(child);
      rootTasks.push({ package: '(root)', task, lane: 'parallel', execution: { startTime, endTime: Date.now() } });
      resolveRun(code ?? (signal ? 1 : 0));
    });
  });
}

/** The tasks of the turbo runs summarized since `since` (ms), each with its lane. */
export function summarizedTasks(since, exclusivePackages) {
  const runsDir = join(repoRoot, '.turbo', 'runs');
  if (!existsSync(runsDir)) return [];
  const tasks = [];
  for (const name of readdirSync(runsDir)) {
    const file = join(runsDir, name);
    if (statSync(file).mtimeMs < since) continue;
    for (const task of JSON.parse(readFileSync(file, 'utf8')).tasks ?? []) {
      const lane = task.task === 'build' ? 'build' : task.task === 'test' && exclusivePackages.has(task.package) ? 'exclusive' : 'parallel';
      tasks.push({ ...task, lane });
    }
  }
  return tasks;
}

/** Seconds a task ran (0 for a cache hit replayed). */
function seconds(task) {
  const { startTime, endTime } = task.execution ?? {};
  return startTime && endTime ? (endTime - startTime) / 1000 : 0;
}

/** The per-package wall times of the tasks, slowest test first, printed before the closing line. */
export function formatTimes(tasks, wallSeconds) {
  const columns = ['build', 'lint', 'typecheck', 'test'];
  const byPackage = new Map();
  for (const task of tasks) {
    const row = byPackage.get(task.package) ?? { package: task.package, lane: '', build: 0, lint: 0, typecheck: 0, test: 0 };
    if (columns.includes(task.task)) row[task.task] += seconds(task);
    if (task.task === 'test') row.lane = task.lane;
    byPackage.set(task.package, row);
  }
  const rows = [...byPackage.values()].sort((a, b) => b.test - a.test || a.package.localeCompare(b.package));
  const header = ['package', 'test lane', ...columns.map((column) => `${column} s`)];
  const cells = rows.map((row) => [
    row.package.replace(/^@data-pipeline\//, ''),
    row.lane,
    ...columns.map((column) => (row[column] ? row[column].toFixed(1) : '')),
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...cells.map((cell) => cell[index].length)));
  const line = (cell) =>
    `| ${cell.map((value, index) => (index < 2 ? value.padEnd(widths[index]) : value.padStart(widths[index]))).join(' | ')} |`;
  const spans = ['build', 'exclusive', 'parallel'].map((lane) => {
    const laneTasks = tasks.filter((task) => task.lane === lane && task.execution?.startTime);
    if (!laneTasks.length) return `${lane}: none ran`;
    const start = Math.min(...laneTasks.map((task) => task.execution.startTime));
    const end = Math.max(...laneTasks.map((task) => task.execution.endTime));
    return `${lane} ${((end - start) / 1000).toFixed(0)} s`;
  });
  return [
    `Wall time per package, in seconds (npm test: ${wallSeconds.toFixed(0)} s in all; ${spans.join(', ')})`,
    line(header),
    `|${widths.map((width, index) => `${'-'.repeat(width + 1)}${index < 2 ? '-' : ':'}`).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}
