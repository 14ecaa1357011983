// `setup`: the Python tools of infra's tests (checkov, check-jsonschema, zizmor) in their own virtual environment,
// .local/venvs/checkov, pinned by requirements.txt. Idempotent: skipped while requirements.txt is unchanged.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkovVenv, pythonOf, requirementsFile } from './tools.mjs';

const python = process.env.PYTHON ?? 'python3';
const stamp = join(checkovVenv, '.requirements.sha256');
const wanted = createHash('sha256').update(readFileSync(requirementsFile)).digest('hex');

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`[infra setup] ${command} ${args.join(' ')} failed with ${result.status ?? result.signal}\n`);
    process.exit(1);
  }
}

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted && existsSync(pythonOf(checkovVenv))) {
  process.stderr.write(`[infra setup] checkov, check-jsonschema and zizmor are installed in ${checkovVenv}\n`);
  process.exit(0);
}
process.stderr.write(`[infra setup] installing checkov, check-jsonschema and zizmor into ${checkovVenv}\n`);
mkdirSync(checkovVenv, { recursive: true });
if (!existsSync(pythonOf(checkovVenv))) run(python, ['-m', 'venv', checkovVenv]);
run(pythonOf(checkovVenv), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirementsFile]);
writeFileSync(stamp, `${wanted}\n`);
