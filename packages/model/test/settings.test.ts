import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  environmentFromSettings,
  getEnvironment,
  InvalidSettingsError,
  loadSettings,
  MissingSettingsFileError,
  PlaceholderSettingsError,
  repositorySettingsDirectory,
  SETTINGS_SCHEMA_FILE,
  type Settings,
  settingsJsonSchemaText,
  settingsSource,
  stateBackendOf,
  UnknownSettingsSourceError,
  UnreadableSettingsError,
  validateSettings,
} from '../src/index';

const FILE = 'environments/dev.json';

/** A dev settings document of a made-up but plausible account: no placeholder in it. */
function realistic(): Settings {
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

function without(settings: Settings, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...settings };
  delete copy[key];
  return copy;
}

describe('Function: validateSettings', () => {
  it('returns the settings when every setting is set and none is a placeholder', () => {
    // prepare
    const settings = realistic();
    // act
    const validated = validateSettings(settings, 'dev', FILE);
    // assess
    expect(validated).toEqual(settings);
  });

  it.each(['environment', 'account', 'region', 'subnetIds', 'notifications', 'stateBackend', 'schedule', 'quicksight'])(
    'throws InvalidSettingsError naming the file and the setting when %s is missing',
    (setting) => {
      // prepare
      const document = without(realistic(), setting);
      // act / assess
      expect(() => validateSettings(document, 'dev', FILE)).toThrow(InvalidSettingsError);
      expect(() => validateSettings(document, 'dev', FILE)).toThrow(`${FILE} is invalid: setting "${setting}" is missing`);
    },
  );

  it.each([
    ['stateBackend.useLockfile', (s: Settings) => ({ ...s, stateBackend: {} })],
    ['schedule.expression', (s: Settings) => ({ ...s, schedule: { enabled: true } })],
    ['quicksight.subscription', (s: Settings) => ({ ...s, quicksight: { enabled: false, group: 'readers' } })],
    ['notifications.emails', (s: Settings) => ({ ...s, notifications: {} })],
  ])('throws InvalidSettingsError naming %s when that nested setting is missing', (setting, change) => {
    // prepare
    const document = change(realistic());
    // act / assess
    expect(() => validateSettings(document, 'dev', FILE)).toThrow(`setting "${setting}" is missing`);
  });

  it.each([
    ['account', (s: Settings) => ({ ...s, account: '000000000000' }), '000000000000 is a placeholder account id'],
    ['account', (s: Settings) => ({ ...s, account: '123456789012' }), '123456789012 is a placeholder account id'],
    ['account', (s: Settings) => ({ ...s, account: '111111111111' }), '111111111111 is a placeholder account id'],
    ['subnetIds.1', (s: Settings) => ({ ...s, subnetIds: [s.subnetIds[0], 'subnet-0de000000000000b1'] }), 'an example id'],
    [
      'notifications.emails.0',
      (s: Settings) => ({ ...s, notifications: { emails: ['data-platform-dev@example.com'] } }),
      'reserved example domain',
    ],
    [
      'access.operator.principals.0',
      (s: Settings) => ({ ...s, access: { operator: { principals: ['arn:aws:iam::123456789012:role/oncall'] } } }),
      '123456789012 is a placeholder account id',
    ],
    ['nameSuffix', (s: Settings) => ({ ...s, nameSuffix: '000000000000-eu-west-1' }), '000000000000 is a placeholder account id'],
    [
      'stateBackend.bucket',
      (s: Settings) => ({ ...s, stateBackend: { bucket: 'tfstate-111111111111', useLockfile: true } }),
      'placeholder',
    ],
  ])('throws PlaceholderSettingsError naming %s when it holds a placeholder', (setting, change, reason) => {
    // prepare
    const document = change(realistic());
    // act / assess
    expect(() => validateSettings(document, 'dev', FILE)).toThrow(PlaceholderSettingsError);
    expect(() => validateSettings(document, 'dev', FILE)).toThrow(
      new RegExp(`^${FILE} still holds example values: setting "${setting.replace(/\./g, '\\.')}" is a placeholder \\(.*${reason}`),
    );
  });

  it('returns settings holding placeholders when placeholders are allowed (the shipped examples)', () => {
    // prepare
    const document = { ...realistic(), account: '111111111111' };
    // act
    const settings = validateSettings(document, 'dev', 'environments/dev.example.json', true);
    // assess
    expect(settings.account).toBe('111111111111');
  });

  it('throws InvalidSettingsError naming a misspelt setting when the file has a key the schema does not know', () => {
    // prepare
    const document = { ...realistic(), subnetIDs: ['subnet-04c2e9f1a7b3d5e68'] };
    // act / assess
    expect(() => validateSettings(document, 'dev', FILE)).toThrow('setting "subnetIDs" is not a setting (misspelt?)');
  });

  it('throws InvalidSettingsError naming environment when the file configures another environment', () => {
    // prepare
    const document = { ...realistic(), environment: 'prod' };
    // act / assess
    expect(() => validateSettings(document, 'dev', FILE)).toThrow('setting "environment" is "prod" but the file configures dev');
  });

  it('throws InvalidSettingsError naming quicksight.subscription when QuickSight is on without the Enterprise edition', () => {
    // prepare
    const document = { ...realistic(), quicksight: { enabled: true, group: 'readers', subscription: 'standard' } };
    // act / assess
    expect(() => validateSettings(document, 'dev', FILE)).toThrow(
      /setting "quicksight\.subscription" must be "enterprise" while quicksight\.enabled is true/,
    );
  });

  it('throws InvalidSettingsError naming nameSuffix when it would make a bucket name too long', () => {
    // prepare
    const document = { ...realistic(), nameSuffix: 'x'.repeat(35) };
    // act / assess
    expect(() => validateSettings(document, 'dev', FILE)).toThrow(/setting "nameSuffix" must be at most 34 characters/);
  });

  it('throws InvalidSettingsError naming the setting when a value has the wrong form', () => {
    // prepare
    const document = { ...realistic(), account: '4209-3715-8263', region: 'Europe' };
    // act / assess
    expect(() => validateSettings(document, 'dev', FILE)).toThrow(
      /setting "account" must be a 12-digit AWS account id; setting "region" must be an AWS region/,
    );
  });
});

describe('Function: loadSettings', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'settings-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('returns the shipped example when the source is example', () => {
    // act
    const settings = loadSettings('prod', { source: 'example' });
    // assess
    expect(settings.environment).toBe('prod');
    expect(settings.quicksight.enabled).toBe(true);
  });

  it('returns the account settings of environments/<env>.json when the source is the account', () => {
    // prepare
    writeFileSync(join(directory, 'dev.json'), JSON.stringify(realistic()));
    // act
    const settings = loadSettings('dev', { source: 'account', directory });
    // assess
    expect(settings.account).toBe('420937158263');
  });

  it('throws MissingSettingsFileError naming the file and how to make it when the file does not exist', () => {
    // act / assess
    expect(() => loadSettings('dev', { source: 'account', directory })).toThrow(MissingSettingsFileError);
    expect(() => loadSettings('dev', { source: 'account', directory })).toThrow(
      /^environments\/dev\.json does not exist: create it from the example \(cp environments\/dev\.example\.json environments\/dev\.json\)/,
    );
  });

  it('throws PlaceholderSettingsError naming every placeholder when the example is copied unchanged', () => {
    // prepare
    copyFileSync(join(repositorySettingsDirectory(), 'prod.example.json'), join(directory, 'prod.json'));
    // act
    const act = () => loadSettings('prod', { source: 'account', directory });
    // assess
    expect(act).toThrow(PlaceholderSettingsError);
    expect(act).toThrow(
      /environments\/prod\.json still holds example values: setting "account" .*setting "subnetIds\.0" .*setting "subnetIds\.1" .*setting "notifications\.emails\.0"/,
    );
  });

  it('throws UnreadableSettingsError naming the file when it is not JSON', () => {
    // prepare
    writeFileSync(join(directory, 'dev.json'), '{ "account": ');
    // act / assess
    expect(() => loadSettings('dev', { source: 'account', directory })).toThrow(UnreadableSettingsError);
    expect(() => loadSettings('dev', { source: 'account', directory })).toThrow(/^environments\/dev\.json cannot be read as JSON/);
  });
});

describe('Function: settingsSource', () => {
  it('returns account when DATA_PIPELINE_SETTINGS is unset or empty, example when it says so', () => {
    // act / assess
    expect([
      settingsSource({}),
      settingsSource({ DATA_PIPELINE_SETTINGS: '' }),
      settingsSource({ DATA_PIPELINE_SETTINGS: 'example' }),
    ]).toEqual(['account', 'account', 'example']);
  });

  it('throws UnknownSettingsSourceError when DATA_PIPELINE_SETTINGS has another value', () => {
    // act / assess
    expect(() => settingsSource({ DATA_PIPELINE_SETTINGS: 'prod' })).toThrow(UnknownSettingsSourceError);
  });
});

describe('Function: environmentFromSettings', () => {
  it('returns the work-area bucket with the default suffix <account>-<region> when the settings name none', () => {
    // act
    const env = environmentFromSettings(realistic());
    // assess
    expect(env.bucket).toBe('data-pipeline-dev-work-area-420937158263-eu-west-1');
    expect(env.nameSuffix).toBe('420937158263-eu-west-1');
    expect(env.account).toBe('420937158263');
    expect(env.emr.subnetIds).toEqual(realistic().subnetIds);
  });

  it('returns the bucket with the settings’ nameSuffix when one is set', () => {
    // act
    const env = environmentFromSettings({ ...realistic(), nameSuffix: 'acme-eu1' });
    // assess
    expect(env.bucket).toBe('data-pipeline-dev-work-area-acme-eu1');
  });
});

describe('Function: stateBackendOf', () => {
  it('returns the bootstrap bucket, the environment key and the region when the settings name only the locking', () => {
    // act
    const backend = stateBackendOf(realistic());
    // assess
    expect(backend).toEqual({
      bucket: 'data-pipeline-dev-tfstate-420937158263-eu-west-1',
      key: 'data-pipeline/dev/terraform.tfstate',
      region: 'eu-west-1',
      useLockfile: true,
    });
  });
});

describe('Function: getEnvironment (settings)', () => {
  it('returns dev and prod side by side in one account, each with its own bucket, when read from the shipped examples', () => {
    // act
    const [dev, prod] = [getEnvironment('dev', { source: 'example' }), getEnvironment('prod', { source: 'example' })];
    // assess
    expect(dev.bucket).toBe('data-pipeline-dev-work-area-111111111111-us-east-1');
    expect(prod.bucket).toBe('data-pipeline-prod-work-area-111111111111-us-east-1');
    expect(prod.account).toBe(dev.account);
  });
});

describe('File: environments/settings.schema.json', () => {
  it('returns the text the settings schema generates (regenerate: pnpm --filter @data-pipeline/model run generate:settings-schema)', () => {
    // act
    const committed = readFileSync(join(repositorySettingsDirectory(), '..', SETTINGS_SCHEMA_FILE), 'utf8');
    // assess
    expect(committed).toBe(settingsJsonSchemaText());
  });
});
