import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEnvironment, InvalidSettingsError, MissingSettingsFileError, PlaceholderSettingsError } from '@data-pipeline/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app';
import { UnknownStackError } from '../src/errors';
import { selectEnvironments } from '../src/selection';
import { synthesized } from './support/synthesized';

const infraRoot = fileURLToPath(new URL('..', import.meta.url));
const lambdasRoot = process.env.DATA_PIPELINE_LAMBDAS_ROOT;

/** A dev settings file of a made-up but plausible account: nothing in it is a placeholder. */
function accountSettings(): Record<string, unknown> {
  return {
    environment: 'dev',
    account: '420937158263',
    region: 'eu-west-1',
    subnetIds: ['subnet-04c2e9f1a7b3d5e68', 'subnet-0b17f3a9c2e4d6081'],
    notifications: { emails: ['data-platform@corp.acme-data.io'] },
    stateBackend: { useLockfile: true },
    schedule: { expression: 'cron(0 3 * * ? *)', enabled: false },
    quicksight: { enabled: false, group: 'readers', subscription: 'none' },
  };
}

describe('Function: synth with the account’s settings (environments/<env>.json)', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'settings-'));
    vi.stubEnv('DATA_PIPELINE_SETTINGS', '');
    vi.stubEnv('DATA_PIPELINE_SETTINGS_DIR', directory);
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  const write = (settings: Record<string, unknown>) => writeFileSync(join(directory, 'dev.json'), JSON.stringify(settings));
  const synth = () => buildApp({ environments: ['dev'], outdir: join(directory, 'out'), ...(lambdasRoot ? { lambdasRoot } : {}) });

  it('returns a stack pinned to the settings’ account, its bucket named with the suffix and its state in the bootstrap bucket', () => {
    // prepare
    write(accountSettings());
    // act
    synth().app.synth();
    const stack = JSON.parse(readFileSync(join(directory, 'out', 'stacks', 'data-pipeline-dev', 'cdk.tf.json'), 'utf8'));
    // assess
    expect(stack.provider.aws[0].allowed_account_ids).toEqual(['420937158263']);
    expect(stack.provider.aws[0].region).toBe('eu-west-1');
    expect(Object.values(stack.resource.aws_s3_bucket).map((bucket) => (bucket as { bucket: string }).bucket)).toEqual([
      'data-pipeline-dev-work-area-420937158263-eu-west-1',
    ]);
    expect(stack.terraform.backend.s3).toEqual({
      bucket: 'data-pipeline-dev-tfstate-420937158263-eu-west-1',
      key: 'data-pipeline/dev/terraform.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('throws MissingSettingsFileError naming environments/dev.json and the example to copy when the file does not exist', () => {
    // act / assess
    expect(synth).toThrow(MissingSettingsFileError);
    expect(synth).toThrow(
      'environments/dev.json does not exist: create it from the example (cp environments/dev.example.json environments/dev.json)',
    );
  });

  it.each(['account', 'region', 'subnetIds', 'notifications', 'stateBackend', 'schedule', 'quicksight'])(
    'throws InvalidSettingsError naming %s and the file when that setting is missing',
    (setting) => {
      // prepare
      const { [setting]: _missing, ...rest } = accountSettings();
      write(rest);
      // act / assess
      expect(synth).toThrow(InvalidSettingsError);
      expect(synth).toThrow(`environments/dev.json is invalid: setting "${setting}" is missing`);
    },
  );

  it.each([
    ['account', { account: '000000000000' }],
    ['account', { account: '123456789012' }],
    ['subnetIds.0', { subnetIds: ['subnet-0de000000000000a1'] }],
    ['notifications.emails.0', { notifications: { emails: ['data-platform-dev@example.com'] } }],
    ['access.analyst.principals.0', { access: { analyst: { principals: ['arn:aws:iam::123456789012:role/analysts'] } } }],
    ['stateBackend.bucket', { stateBackend: { bucket: 'tfstate-000000000000', useLockfile: true } }],
  ])('throws PlaceholderSettingsError naming %s and the file when it holds a placeholder', (setting, change) => {
    // prepare
    write({ ...accountSettings(), ...change });
    // act / assess
    expect(synth).toThrow(PlaceholderSettingsError);
    expect(synth).toThrow(`environments/dev.json still holds example values: setting "${setting}" is a placeholder`);
  });

  it('throws InvalidSettingsError naming quicksight.subscription when reporting is on without the Enterprise edition', () => {
    // prepare
    write({ ...accountSettings(), quicksight: { enabled: true, group: 'readers', subscription: 'none' } });
    // act / assess
    expect(synth).toThrow(/setting "quicksight\.subscription" must be "enterprise" while quicksight\.enabled is true/);
  });
});

describe('Function: selectEnvironments', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'settings-'));
    vi.stubEnv('DATA_PIPELINE_SETTINGS', '');
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('returns the environments that have a settings file and notes the others when no stack is named', () => {
    // prepare
    writeFileSync(join(directory, 'prod.json'), '{}');
    // act
    const selection = selectEnvironments([], directory);
    // assess
    expect(selection).toEqual({ environments: ['prod'], skipped: ['data-pipeline-dev skipped: environments/dev.json does not exist'] });
  });

  it('returns the environment of each named stack, bootstrap stacks included', () => {
    // act / assess
    expect(selectEnvironments(['data-pipeline-bootstrap-prod', 'data-pipeline-prod'], directory).environments).toEqual(['prod']);
  });

  it('throws MissingSettingsFileError when no environment has a settings file', () => {
    // act / assess
    expect(() => selectEnvironments([], directory)).toThrow(MissingSettingsFileError);
  });

  it('throws UnknownStackError naming the stacks when a named stack does not exist', () => {
    // act / assess
    expect(() => selectEnvironments(['data-pipeline-qa'], directory)).toThrow(UnknownStackError);
    expect(() => selectEnvironments(['data-pipeline-qa'], directory)).toThrow(
      /the stacks are data-pipeline-dev, data-pipeline-bootstrap-dev/,
    );
  });
});

describe('Function: pnpm synth <stack>', () => {
  it('throws, exiting 1 with the missing file named, when the stack’s settings file does not exist', () => {
    // prepare
    const directory = mkdtempSync(join(tmpdir(), 'settings-'));
    // act
    const result = spawnSync('pnpm', ['exec', 'tsx', 'src/main.ts', 'data-pipeline-dev'], {
      cwd: infraRoot,
      encoding: 'utf8',
      env: { ...process.env, DATA_PIPELINE_SETTINGS: '', DATA_PIPELINE_SETTINGS_DIR: directory },
    });
    rmSync(directory, { recursive: true, force: true });
    // assess
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MissingSettingsFileError: environments/dev.json does not exist');
  });
});

describe('Function: provider and backend of the synthesized stacks (examples)', () => {
  it.each(['dev', 'prod'] as const)('returns the %s provider pinned to the settings’ account through allowed_account_ids', (env) => {
    // act
    const [provider] = synthesized(env).json.provider.aws as { allowed_account_ids?: string[] }[];
    // assess
    expect(provider?.allowed_account_ids).toEqual([getEnvironment(env).account]);
  });

  it.each(['dev', 'prod'] as const)('returns the %s state in its own bucket and key with lockfile locking', (env) => {
    // act
    const backend = (synthesized(env).json.terraform.backend as { s3: Record<string, unknown> }).s3;
    // assess
    expect(backend).toMatchObject({
      bucket: `data-pipeline-${env}-tfstate-${getEnvironment(env).nameSuffix}`,
      key: `data-pipeline/${env}/terraform.tfstate`,
      use_lockfile: true,
      encrypt: true,
    });
  });
});
