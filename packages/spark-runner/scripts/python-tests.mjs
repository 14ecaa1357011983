// Runs the runner's pure-Python unit tests (statement splitting, variables, commands) with the project venv.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const localDir = process.env.DATA_PIPELINE_LOCAL_DIR ?? join(packageDir, '..', '..', '.local');
const venvPython = join(localDir, 'venv', process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
if (!existsSync(venvPython)) {
  process.stderr.write(`${venvPython} is missing: run \`pnpm --filter @data-pipeline/spark-runner run setup\` first\n`);
  process.exit(1);
}
const pythonDir = join(packageDir, 'python');
const result = spawnSync(
  venvPython,
  ['-m', 'unittest', 'discover', '--start-directory', join(pythonDir, 'tests'), '--top-level-directory', pythonDir],
  {
    stdio: 'inherit',
    cwd: pythonDir,
  },
);
process.exit(result.status ?? 1);
