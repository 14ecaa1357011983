import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, renderConfigIni } from '@data-pipeline/core';
import { configIniSections, getEnvironment, tables } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { defaultRepositoryRoot } from '../src/stack';
import { contentHash, fromTerraformLiteral, terraformLiteral } from '../src/terraform-text';
import { type Json, resourceAt, resourcesOf, synthesized } from './support/synthesized';

function configObject(env: 'dev' | 'prod') {
  return resourceAt(synthesized(env), 'aws_s3_object', 'objects/config-ini').config;
}

describe('Function: config.ini object', () => {
  it.each(['dev', 'prod'] as const)('returns the model’s config.ini of %s, with the stack’s security configuration', (env) => {
    // prepare
    const model = getEnvironment(env);
    const expected = renderConfigIni(
      configIniSections({ ...model, emr: { ...model.emr, securityConfiguration: `data-pipeline-${env}-emr-at-rest` } }),
    );
    // act
    const object = configObject(env);
    const content = fromTerraformLiteral(String(object.content));
    // assess
    expect(object.key).toBe('data-workflows/prod/libs/lambda_fn_config/config.ini');
    expect(content).toBe(expected);
    expect(object.source_hash).toBe(contentHash(content));
  });

  it.each(['dev', 'prod'] as const)('returns a config.ini the Lambdas parse, naming the roles this stack creates (%s)', (env) => {
    const stack = synthesized(env);
    const config = parseConfig(fromTerraformLiteral(String(configObject(env).content)), 'config.ini');
    const serviceRole = resourceAt(stack, 'aws_iam_role', 'emr/service-role/role').config;
    const profile = resourceAt(stack, 'aws_iam_instance_profile', 'emr/instance-profile').config;
    const security = resourceAt(stack, 'aws_emr_security_configuration', 'emr/security-configuration').config;
    expect(config.access.service_role).toBe(serviceRole.name);
    expect(config.access.instance_profile).toBe(profile.name);
    expect(config.access.security_configuration).toBe(security.name);
    expect(config.basic.emr_name).toBe(getEnvironment(env).emr.clusterName);
  });
});

describe('Function: HiveQL objects', () => {
  it('returns every table’s load script under data-workflows/prod/libs/hive-scripts/ with its content', () => {
    const objects = Object.values(resourcesOf(synthesized('prod'), 'aws_s3_object')) as Json[];
    for (const table of tables) {
      const file = readFileSync(join(defaultRepositoryRoot(), 'hive', 'scripts', `${table.name}.hql`), 'utf8');
      const object = objects.find((candidate) => candidate.key === `data-workflows/prod/libs/hive-scripts/${table.name}.hql`);
      expect(object, table.name).toBeDefined();
      expect(fromTerraformLiteral(String(object?.content))).toBe(file);
      expect(object?.source_hash).toBe(contentHash(file));
    }
  });
});

describe('Function: terraformLiteral', () => {
  it('returns text whose interpolation markers are escaped and restored unchanged', () => {
    const text = "LOCATION '${hivevar:STAGE_LOCATION}' %{ if } $${already}";
    expect(terraformLiteral(text)).toBe("LOCATION '$${hivevar:STAGE_LOCATION}' %%{ if } $$${already}");
    expect(fromTerraformLiteral(terraformLiteral('a ${b} %{c}'))).toBe('a ${b} %{c}');
  });

  it('returns a different content hash when one character changes', () => {
    expect(contentHash('select 1;')).not.toBe(contentHash('select 2;'));
  });
});
