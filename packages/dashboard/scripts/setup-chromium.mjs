// Makes sure the headless Chromium the browser tests drive is installed: Debian's `chromium` package.
// Idempotent: when the executable is there it returns at once. As root it installs the package with
// apt-get; otherwise it says what to install. DATA_PIPELINE_CHROMIUM points at another executable.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const executable = process.env.DATA_PIPELINE_CHROMIUM ?? '/usr/bin/chromium';

function log(message) {
  process.stderr.write(`[dashboard setup] ${message}\n`);
}

function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

function apt(args) {
  // Waits for another apt or dpkg run to release its lock instead of failing at once.
  const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error || result.status !== 0) fail(`apt-get ${args.join(' ')} failed with ${result.error?.message ?? result.status}`);
}

if (existsSync(executable)) process.exit(0);
if (process.env.DATA_PIPELINE_CHROMIUM) fail(`DATA_PIPELINE_CHROMIUM is ${executable}, which does not exist`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  log(
    `the dashboard's browser tests need Chromium at ${executable}: install Debian's chromium package (sudo apt-get install chromium), ` +
      'or point DATA_PIPELINE_CHROMIUM at a Chromium or Chrome executable.',
  );
  process.exit(0);
}
log('installing Chromium (apt-get install chromium) for the browser tests');
apt(['update']);
apt(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);
if (!existsSync(executable)) fail(`apt-get installed chromium, but ${executable} is still missing`);
log(`Chromium installed: ${executable}`);
