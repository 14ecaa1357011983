import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script, no type declarations
import { checkJsonschemaBin, infraRoot, repositoryRoot, zizmorBin } from '../scripts/tools.mjs';

const workflowsDir = join(repositoryRoot as string, '.github', 'workflows');
const workflows = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join(workflowsDir, name));

function run(command: string, args: string[]) {
  return spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('Function: GitHub workflow lint', () => {
  it('returns valid workflows against GitHub’s workflow schema', () => {
    const result = run(checkJsonschemaBin, ['--builtin-schema', 'vendor.github-workflows', ...workflows]);
    expect(result.stdout + result.stderr).toContain('ok -- validation done');
    expect(result.status).toBe(0);
  });

  it('returns no zizmor finding (offline audits, policy in zizmor.yml)', () => {
    const result = run(zizmorBin, ['--offline', '--config', join(infraRoot, 'zizmor.yml'), workflowsDir]);
    expect(result.stdout).toContain('No findings');
    expect(result.status).toBe(0);
  });

  it('returns a plan job per environment with its own OIDC role variable', () => {
    const plan = readFileSync(join(workflowsDir, 'plan.yml'), 'utf8');
    expect(plan).toContain('pull_request:');
    expect(plan).toContain('id-token: write');
    for (const env of ['DEV', 'PROD']) expect(plan).toContain(`role-variable: AWS_PLAN_ROLE_ARN_${env}`);
    expect(plan).toContain('terraform plan');
    expect(plan).toContain('updateComment');
  });
});
