// Finds or installs the pinned pnpm (with npm: corepack fails signature checks on some mirrors)
// and runs commands with it. Used by the README's commands, so it needs nothing but Node and npm.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const localDir = process.env.DATA_PIPELINE_LOCAL_DIR ?? join(repoRoot, '.local');

const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
export const pinnedPnpm = rootManifest.packageManager.replace(/^pnpm@/, '');

export function log(message) {
  process.stderr.write(`[data-pipeline] ${message}\n`);
}

export function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

export function requireNode(minMajor = 20) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < minMajor) {
    fail(`Node.js ${minMajor} or newer is required (found ${process.versions.node}). Install it from your package manager or nodejs.org.`);
  }
}

function versionOf(command, env) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8', env, shell: process.platform === 'win32' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Returns an environment whose PATH finds the pinned pnpm, installing it with npm when needed. */
export function ensurePnpm() {
  const toolsDir = join(localDir, 'tools', `pnpm-${pinnedPnpm}`);
  const toolsBin = process.platform === 'win32' ? toolsDir : join(toolsDir, 'bin');
  const env = {
    ...process.env,
    PATH: `${toolsBin}${delimiter}${process.env.PATH ?? ''}`,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  };
  if (versionOf('pnpm', env) === pinnedPnpm) return env;
  log(`installing pnpm ${pinnedPnpm} with npm into ${toolsDir}`);
  const install = spawnSync('npm', ['install', '--global', '--prefix', toolsDir, '--no-fund', '--no-audit', `pnpm@${pinnedPnpm}`], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (install.status !== 0 || versionOf('pnpm', env) !== pinnedPnpm) {
    fail(`could not install pnpm ${pinnedPnpm} with npm (exit ${install.status}).`);
  }
  return env;
}

/** Runs a command in the repository root, inheriting stdio; exits with its status when it fails. */
export function run(command, args, env, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env, shell: process.platform === 'win32', ...options });
  if (result.status !== 0) {
    fail(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
  }
}

/** Whether the workspace has been installed at all (pnpm writes this file on every install). */
export function workspaceInstalled() {
  return existsSync(join(repoRoot, 'node_modules', '.modules.yaml'));
}

/** Installs the workspace from the committed lockfile and runs the setup step of every package (or of those named). */
export function installWorkspace(env, packages = []) {
  log(workspaceInstalled() ? 'checking the workspace install' : 'installing the workspace from pnpm-lock.yaml');
  run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], env);
  const scope = packages.length ? packages.flatMap((name) => ['--filter', name]) : ['--recursive'];
  run('pnpm', [...scope, '--if-present', '--workspace-concurrency=1', 'run', 'setup'], env);
}
