// Creates (or confirms) the project's Python virtual environment with the pinned Spark runner requirements.
// Idempotent: when the venv's stamp matches the requirements and the interpreter, it returns at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageDir, '..', '..');
const localDir = process.env.DATA_PIPELINE_LOCAL_DIR ?? join(repoRoot, '.local');
const venvDir = join(localDir, 'venv');
const venvPython = process.platform === 'win32' ? join(venvDir, 'Scripts', 'python.exe') : join(venvDir, 'bin', 'python');
const requirementsFile = join(packageDir, 'requirements.txt');
const stampFile = join(venvDir, '.spark-runner-requirements.sha256');
const MIN_PYTHON = [3, 9];

function log(message) {
  process.stderr.write(`[spark-runner setup] ${message}\n`);
}

function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

function probe(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error || result.status !== 0 ? undefined : `${result.stdout}${result.stderr}`.trim();
}

function findPython() {
  const candidates = [process.env.DATA_PIPELINE_PYTHON, 'python3', 'python'].filter(Boolean);
  for (const candidate of candidates) {
    const version = probe(candidate, ['-c', 'import sys, venv; print("%d.%d.%d" % sys.version_info[:3])']);
    if (!version) continue;
    const [major, minor] = version.split('.').map(Number);
    if (major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1])) return { command: candidate, version };
    log(`${candidate} is Python ${version}, too old`);
  }
  fail(
    `Python ${MIN_PYTHON.join('.')} or newer with the venv module is required (pyspark 4.0). ` +
      'Install it (Debian/Ubuntu: apt-get install python3 python3-venv; macOS: brew install python) or point DATA_PIPELINE_PYTHON at one.',
  );
}

function checkJava() {
  const version = probe('java', ['-version']);
  if (!version) {
    log('warning: no `java` on PATH. Spark 4 needs Java 17 or 21 (Debian/Ubuntu: apt-get install openjdk-17-jre-headless).');
    return;
  }
  const match = /version "(\d+)/.exec(version);
  if (match && Number(match[1]) < 17) log(`warning: ${match[0]}: Spark 4 needs Java 17 or 21.`);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
}

function withLock(action) {
  const lockDir = `${venvDir}.lock`;
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() > deadline) fail(`${lockDir} is held for too long; remove it if no setup is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    action();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

checkJava();
const python = findPython();
const wanted = createHash('sha256').update(readFileSync(requirementsFile)).update(`python ${python.version}`).digest('hex');
const current = () => (existsSync(stampFile) && existsSync(venvPython) ? readFileSync(stampFile, 'utf8').trim() : undefined);

if (current() === wanted) {
  log(`${venvDir} is up to date`);
} else {
  withLock(() => {
    if (current() === wanted) return;
    if (!existsSync(venvPython)) {
      log(`creating ${venvDir} with ${python.command} ${python.version}`);
      run(python.command, ['-m', 'venv', venvDir]);
    }
    log('installing requirements.txt (pyspark is large: a minute or two the first time)');
    run(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--quiet', '-r', requirementsFile]);
    writeFileSync(stampFile, `${wanted}\n`);
    log(`${venvDir} is ready`);
  });
}
