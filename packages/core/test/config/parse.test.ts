import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../src/errors';
import { parseConfig, renderConfigIni } from '../../src/index';
import { testConfigIni, testConfigSections } from '../../src/testing/index';

const SOURCE = 's3://bucket/config.ini';

function issuesOf(text: string): string[] {
  try {
    parseConfig(text, SOURCE);
  } catch (error) {
    if (error instanceof ConfigValidationError)
      return error.issues.map((issue) => `[${issue.section}] ${issue.key ?? ''}: ${issue.problem}`);
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('Function: parseConfig', () => {
  it('returns the typed config with lists, numbers and defaults when every key is valid', () => {
    // Prepare
    const text = testConfigIni({ access: { ec2_keypair_name: '' } });

    // Act
    const config = parseConfig(text, SOURCE);

    // Assess
    expect(config.basic).toEqual({
      emr_region: 'eu-west-1',
      emr_name: 'data-pipeline-test',
      log_on_s3: 's3://data-pipeline-test-work-area/data-workflows/emr-logs/data-pipeline-test/',
      emr_version: 'emr-7.12.0',
      emr_applications: ['Hadoop', 'Spark'],
    });
    expect(config.instances).toEqual({
      master_instance_type: ['m5.xlarge'],
      worker_instance_type: ['m5.xlarge', 'm5a.xlarge'],
      ondemand_worker_count: 2,
    });
    expect(config.access).toEqual({
      subnet_id: ['subnet-0abc1234'],
      service_role: 'EMR_DefaultRole',
      instance_profile: 'EMR_EC2_DefaultRole',
    });
    expect(config.spot).toEqual({
      spot_worker_count: 2,
      spot_worker_increment_count: 4,
      spot_price_pct_of_ondemand: 60,
      spot_timeout_duration_minutes: 10,
      spot_timeout_action: 'SWITCH_TO_ON_DEMAND',
    });
    expect(config.cluster).toEqual({ idle_timeout_seconds: 3600, step_concurrency_level: 1 });
    expect(config.tags).toEqual({ environment: 'test', project: 'data-pipeline' });
  });

  it('returns the original file unchanged in meaning when written with the original keys only', () => {
    // Prepare
    const text = [
      '[basic]',
      'emr_region = us-east-1',
      'emr_name = data_pipeline_cluster',
      'log_on_s3 = s3://my-bucket/data-workflows/emr-logs/${emr_name}/',
      'emr_version = 6.2.0',
      '[instances]',
      'master_instance_type = m5.xlarge',
      'worker_instance_type = r5.2xlarge',
      'ondemand_worker_count = 1',
      '[access]',
      'subnet_id = subnet-0123abcd',
      'ec2_keypair_name = my-key',
      '[metastore]',
      'metastore_factory_class = com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory',
      '[spot]',
      'spot_worker_count = 1',
      'spot_worker_increment_count = 3',
      'spot_price_pct_of_ondemand = 100',
      'spot_timeout_duration_minutes = 5',
      'spot_timeout_action = TERMINATE_CLUSTER',
      'spot_block_duration_minutes = 60',
    ].join('\n');

    // Act
    const config = parseConfig(text, SOURCE);

    // Assess
    expect(config.basic.log_on_s3).toBe('s3://my-bucket/data-workflows/emr-logs/data_pipeline_cluster/');
    expect(config.basic.emr_version).toBe('emr-6.2.0');
    expect(config.basic.emr_applications).toEqual(['Hadoop', 'Hive', 'Spark']);
    expect(config.spot.spot_block_duration_minutes).toBe(60);
    expect(config.cluster).toEqual({ step_concurrency_level: 1 });
    expect(config.tags).toEqual({});
  });

  it('resolves ${section:key} references and $$ escapes', () => {
    // Prepare
    const text = testConfigIni({ basic: { log_on_s3: 's3://logs-bucket/$${literal}/${tags:environment}/${emr_name}/' } });

    // Act
    const config = parseConfig(text, SOURCE);

    // Assess
    expect(config.basic.log_on_s3).toBe('s3://logs-bucket/${literal}/test/data-pipeline-test/');
  });

  it('returns a value that reads true or false as text when a tag is written key = true', () => {
    // Prepare
    const text = testConfigIni({ tags: { 'for-use-with-amazon-emr-managed-policies': 'true', archived: 'false' } });

    // Act
    const config = parseConfig(text, SOURCE);

    // Assess
    expect(config.tags).toMatchObject({ 'for-use-with-amazon-emr-managed-policies': 'true', archived: 'false' });
  });

  it('ignores a UTF-8 byte order mark at the start of the file', () => {
    // Prepare
    const text = `\uFEFF${testConfigIni()}`;

    // Act
    const config = parseConfig(text, SOURCE);

    // Assess
    expect(config.basic.emr_region).toBe('eu-west-1');
  });

  it('throws naming the file, section and key when a required key is missing or empty', () => {
    // Prepare
    const sections = testConfigSections({ instances: { ondemand_worker_count: '' } });
    delete sections.basic?.emr_name;
    delete sections.basic?.log_on_s3;
    sections.basic = { ...sections.basic, log_on_s3: 's3://bucket/logs/' };

    // Act
    const act = () => parseConfig(renderConfigIni(sections), SOURCE);

    // Assess
    expect(act).toThrow(ConfigValidationError);
    expect(act).toThrow(
      'invalid config file s3://bucket/config.ini: [basic] emr_name: missing; [instances] ondemand_worker_count: missing',
    );
  });

  it('throws "not a whole number" with the value when a count is not a number', () => {
    // Prepare
    const text = testConfigIni({ spot: { spot_worker_count: 'two' } });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual(['[spot] spot_worker_count: not a whole number (got "two")']);
  });

  it('throws "out of range" with the bounds when a number is outside them', () => {
    // Prepare
    const text = testConfigIni({ spot: { spot_price_pct_of_ondemand: '150', spot_timeout_duration_minutes: '1' } });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual([
      '[spot] spot_price_pct_of_ondemand: out of range: must be between 1 and 100 (got "150")',
      '[spot] spot_timeout_duration_minutes: out of range: must be between 5 and 1440 (got "1")',
    ]);
  });

  it('throws when a spot block duration is not a multiple of 60', () => {
    // Prepare
    const text = testConfigIni({ spot: { spot_block_duration_minutes: '90' } });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual(['[spot] spot_block_duration_minutes: must be a multiple of 60 (60, 120, … 360) (got "90")']);
  });

  it('throws listing the allowed values when an enumerated key has another value', () => {
    // Prepare
    const text = testConfigIni({ spot: { spot_timeout_action: 'WAIT' } });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual(['[spot] spot_timeout_action: must be one of SWITCH_TO_ON_DEMAND, TERMINATE_CLUSTER (got "WAIT")']);
  });

  it('throws for unknown keys, unknown sections, missing sections and keys outside a section', () => {
    // Prepare
    const sections = testConfigSections({ spot: { spot_worker_cout: '3' }, extras: { a: 'b' } });
    delete sections.metastore;
    const text = `stray = 1\n${renderConfigIni(sections)}`;

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual([
      '[(none)] stray: is outside any section',
      '[metastore] : missing section',
      '[spot] spot_worker_cout: unknown key',
      '[extras] : unknown section',
    ]);
  });

  it('throws naming the reference when ${key} refers to a key that does not exist', () => {
    // Prepare
    const text = testConfigIni({ basic: { log_on_s3: 's3://bucket/${cluster_name}/' } });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual(['[basic] log_on_s3: refers to ${cluster_name}, but [basic] has no key cluster_name']);
  });

  it('throws for circular references instead of looping', () => {
    // Prepare
    const text = testConfigIni({ basic: { emr_name: '${log_on_s3}', log_on_s3: 's3://bucket/${emr_name}/' } });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues[0]).toMatch(/^\[basic\] emr_name: .*circular reference: basic:emr_name -> basic:log_on_s3 -> basic:emr_name/);
  });

  it('throws suggesting ${name} when a value uses %(name)s interpolation', () => {
    // Prepare
    const text = testConfigIni({ basic: { log_on_s3: 's3://bucket/%(emr_name)s/' } });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual(['[basic] log_on_s3: uses %(emr_name)s interpolation, which is not supported: write ${emr_name} instead']);
  });

  it('throws when a list holds a value of the wrong shape', () => {
    // Prepare
    const text = testConfigIni({
      basic: { emr_applications: 'Hive, Spark SQL' },
      instances: { worker_instance_type: 'm5.xlarge, big' },
      access: { subnet_id: 'sn-1' },
    });

    // Act
    const issues = issuesOf(text);

    // Assess
    expect(issues).toEqual([
      '[basic] emr_applications: must list EMR applications such as Hadoop, Hive, Spark (got "Hive, Spark SQL")',
      '[instances] worker_instance_type: must list instance types such as m5.xlarge (got "m5.xlarge, big")',
      '[access] subnet_id: must list subnet ids such as subnet-0abc1234 (got "sn-1")',
    ]);
  });
});

describe('Function: renderConfigIni', () => {
  it('returns text that parseConfig reads back to the same values', () => {
    // Prepare
    const sections = testConfigSections({ cluster: { step_concurrency_level: '4' }, tags: { owner: 'platform team' } });

    // Act
    const text = renderConfigIni(sections);
    const config = parseConfig(text, SOURCE);

    // Assess
    expect(text.startsWith('[basic]\n')).toBe(true);
    expect(config.cluster.step_concurrency_level).toBe(4);
    expect(config.tags.owner).toBe('platform team');
  });
});
