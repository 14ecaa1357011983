import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VenvMissingError } from './errors';

const packageDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The project-local folder (.local, or DATA_PIPELINE_LOCAL_DIR). */
export function localDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_PIPELINE_LOCAL_DIR ?? join(packageDir, '..', '..', '.local');
}

/** The Python interpreter of the project venv created by this package's setup script. */
export function venvPython(env: NodeJS.ProcessEnv = process.env): string {
  return join(localDirectory(env), 'venv', process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
}

/** The folder to put on PYTHONPATH for `python -m data_pipeline_spark.…`. */
export function runnerPythonPath(): string {
  return join(packageDir, 'python');
}

/** The venv interpreter, or VenvMissingError naming the setup command. */
export function requireVenvPython(env: NodeJS.ProcessEnv = process.env): string {
  const python = venvPython(env);
  if (!existsSync(python)) throw new VenvMissingError(python);
  return python;
}

/** Environment for a runner process: PYTHONPATH finds the runner, Python does not buffer its output. */
export function runnerEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = { ...process.env, ...extra };
  const pythonPath = [runnerPythonPath(), base.PYTHONPATH].filter(Boolean).join(':');
  return { ...base, PYTHONPATH: pythonPath, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' };
}
