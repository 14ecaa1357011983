import { getEnvironment, glueTables } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { type Json, parsePolicy, resourceAt, resourcesOf, synthesized } from './support/synthesized';

/** Every resource type the issue lists, with how many each stack holds. */
const expectedCounts: Record<string, number> = {
  aws_s3_bucket: 1,
  aws_s3_bucket_public_access_block: 1,
  aws_s3_bucket_server_side_encryption_configuration: 1,
  aws_s3_bucket_versioning: 1,
  aws_s3_bucket_policy: 1,
  aws_s3_bucket_lifecycle_configuration: 1,
  aws_s3_bucket_ownership_controls: 1,
  aws_s3_object: 1 + 2,
  aws_glue_catalog_database: 4,
  aws_glue_catalog_table: glueTables({ name: 'dev' }, 'b').length,
  aws_athena_workgroup: 1,
  aws_sns_topic: 1,
  aws_sns_topic_policy: 1,
  aws_lambda_function: 18,
  aws_lambda_alias: 18,
  aws_sfn_state_machine: 6,
  aws_cloudwatch_event_rule: 1,
  aws_cloudwatch_event_target: 1,
  aws_iam_instance_profile: 1,
  aws_emr_security_configuration: 1,
  aws_cloudwatch_metric_alarm: 2 + 2 + 18,
  aws_cloudwatch_log_group: 18 + 6,
  aws_kms_key: 1,
  // 18 Lambda roles, 6 state machine roles, the schedule's, EMR service and instance roles, the 3 people's roles.
  aws_iam_role: 18 + 6 + 1 + 2 + 3,
  aws_iam_role_policy: 18 + 6 + 1 + 2 + 3,
};

/** Resources only an environment with QuickSight reporting on has: the service role's policy, the data source, a data set per warehouse table. */
const reportingCounts = (env: 'dev' | 'prod'): Record<string, number> => {
  const on = getEnvironment(env).quicksight?.enabled === true;
  const warehouseTables = glueTables({ name: env }, 'b').filter((table) => table.zone === 'warehouse').length;
  return { aws_quicksight_data_source: on ? 1 : 0, aws_quicksight_data_set: on ? warehouseTables : 0 };
};

describe('Function: stack inventory', () => {
  it.each(['dev', 'prod'] as const)('returns every resource the pipeline needs in %s', (env) => {
    const stack = synthesized(env);
    const reporting = reportingCounts(env);
    const counts = {
      ...expectedCounts,
      ...reporting,
      aws_iam_role_policy: (expectedCounts.aws_iam_role_policy ?? 0) + (reporting.aws_quicksight_data_source ?? 0),
    };
    for (const [type, count] of Object.entries(counts)) {
      expect(Object.keys(resourcesOf(stack, type)), type).toHaveLength(count);
    }
    expect(Object.keys(resourcesOf(stack, 'aws_sns_topic_subscription'))).toHaveLength(getEnvironment(env).notifications.emails.length);
  });

  it.each(['dev', 'prod'] as const)(
    'returns the model’s tags (environment, project, owner) as default tags of every resource in %s',
    (env) => {
      const [provider] = synthesized(env).json.provider.aws ?? [];
      const tags = ((provider?.default_tags as Json[] | undefined)?.[0] as Json | undefined)?.tags as Record<string, string>;
      expect(tags).toEqual(getEnvironment(env).tags);
      expect(tags).toMatchObject({ environment: env, project: 'data-pipeline' });
      expect(tags.owner).toBeTruthy();
      expect(provider?.region).toBe(getEnvironment(env).region);
    },
  );

  it.each(['dev', 'prod'] as const)('returns an S3 backend with its own state key and locking in %s', (env) => {
    const backend = (synthesized(env).json.terraform.backend as Json).s3 as Json;
    expect(backend).toMatchObject({ key: `data-pipeline/${env}/terraform.tfstate`, use_lockfile: true, encrypt: true });
  });

  it.each(['dev', 'prod'] as const)('returns outputs for bucket, topic, state machines, functions and people’s roles in %s', (env) => {
    expect(Object.keys(synthesized(env).json.output).sort()).toEqual([
      'function_alias_arns',
      'function_names',
      'people_role_arns',
      'state_machine_arns',
      'status_topic_arn',
      'work_area_bucket',
    ]);
  });

  it('returns a private, encrypted, versioned bucket with lifecycle rules and a TLS-only policy', () => {
    const stack = synthesized('prod');
    expect(resourceAt(stack, 'aws_s3_bucket', 'storage/bucket').config.bucket).toBe(getEnvironment('prod').bucket);
    expect(resourceAt(stack, 'aws_s3_bucket_public_access_block', 'storage/public-access').config).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const encryption = resourceAt(stack, 'aws_s3_bucket_server_side_encryption_configuration', 'storage/encryption').config;
    expect(JSON.stringify(encryption)).toContain('"sse_algorithm":"aws:kms"');
    const rules = resourceAt(stack, 'aws_s3_bucket_lifecycle_configuration', 'storage/lifecycle').config.rule as Json[];
    const byId = Object.fromEntries(rules.map((rule) => [rule.id, rule]));
    expect(byId['archive-to-colder-storage']?.filter).toEqual([{ prefix: 'data-workflows/archive/DWH/' }]);
    expect(byId['expire-emr-logs']?.expiration).toEqual([{ days: 30 }]);
    const policy = parsePolicy(resourceAt(stack, 'aws_s3_bucket_policy', 'storage/policy').config.policy);
    expect(policy.Statement.find((statement) => statement.Sid === 'DenyInsecureTransport')?.Condition).toEqual({
      Bool: { 'aws:SecureTransport': false },
    });
    expect(policy.Statement.some((statement) => statement.Sid === 'DenyOutsideVpcEndpoint')).toBe(false);
  });

  it('returns an Athena workgroup enforcing encrypted results in the bucket', () => {
    const { config } = resourceAt(synthesized('dev'), 'aws_athena_workgroup', 'analytics/workgroup');
    const configuration = config.configuration as Json;
    expect(configuration.enforce_workgroup_configuration).toBe(true);
    const result = configuration.result_configuration as Json;
    expect(result.output_location).toMatch(/^s3:\/\/\$\{aws_s3_bucket\..+\.bucket\}\/data-workflows\/athena-results\/$/);
    expect(result.encryption_configuration).toMatchObject({ encryption_option: 'SSE_KMS' });
  });

  it('returns the schedule disabled in dev and enabled in prod, each with the model’s expression', () => {
    for (const env of ['dev', 'prod'] as const) {
      const { config } = resourceAt(synthesized(env), 'aws_cloudwatch_event_rule', 'scheduling/rule');
      const model = getEnvironment(env).schedule;
      expect(config).toMatchObject({ schedule_expression: model.expression, state: model.enabled ? 'ENABLED' : 'DISABLED' });
    }
    expect(getEnvironment('dev').schedule.enabled).toBe(false);
  });

  it('returns an encrypted topic and alarms to it on the failures and timeouts of the Master and of Terminate EMR Cluster', () => {
    const stack = synthesized('prod');
    const topic = resourceAt(stack, 'aws_sns_topic', 'notification/topic');
    expect(topic.config.kms_master_key_id).toMatch(/^\$\{aws_kms_key\./);
    const alarms = Object.values(resourcesOf(stack, 'aws_cloudwatch_metric_alarm')) as Json[];
    const workflows = alarms.filter((alarm) => alarm.namespace === 'AWS/States');
    expect(workflows.map((alarm) => [alarm.alarm_name, alarm.metric_name]).sort()).toEqual([
      ['data-pipeline-prod-master-failed', 'ExecutionsFailed'],
      ['data-pipeline-prod-master-timed-out', 'ExecutionsTimedOut'],
      ['data-pipeline-prod-terminate-failed', 'ExecutionsFailed'],
      ['data-pipeline-prod-terminate-timed-out', 'ExecutionsTimedOut'],
    ]);
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual([`\${aws_sns_topic.${topic.id}.arn}`]);
  });
});
