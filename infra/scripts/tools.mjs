// Where infra's Python tools live: .local/venvs/checkov (or under DATA_PIPELINE_LOCAL_DIR).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const infraRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repositoryRoot = resolve(infraRoot, '..');
export const localDir = process.env.DATA_PIPELINE_LOCAL_DIR ?? join(repositoryRoot, '.local');
export const checkovVenv = join(localDir, 'venvs', 'checkov');
export const requirementsFile = join(infraRoot, 'requirements.txt');

const binDir = (venv) => join(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
export const pythonOf = (venv) => join(binDir(venv), process.platform === 'win32' ? 'python.exe' : 'python');
export const checkovBin = join(binDir(checkovVenv), 'checkov');
export const checkJsonschemaBin = join(binDir(checkovVenv), 'check-jsonschema');
export const zizmorBin = join(binDir(checkovVenv), process.platform === 'win32' ? 'zizmor.exe' : 'zizmor');
