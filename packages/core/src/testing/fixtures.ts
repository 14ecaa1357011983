// Fixtures for tests of the Lambdas and the workflows: a valid config.ini, the environment a
// deployed function gets, and S3 object bodies.
import { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandInput } from '@aws-sdk/client-s3';
import { sdkStreamMixin } from '@smithy/core/serde';
import { vi } from 'vitest';
import { clearAwsClients } from '../clients/aws-clients';
import { clearConfigCache } from '../config/load';
import { renderConfigIni } from '../config/parse';
import type { ConfigSections } from '../config/schema';

export const TEST_CONFIG_BUCKET = 'data-pipeline-test-work-area';
export const TEST_CONFIG_KEY = 'data-workflows/prod/libs/lambda_fn_config/config.ini';
export const TEST_STATE_KEY = 'data-workflows/prod/state_info/data_pipeline_ClusterId.info';

/** The sections of a complete, valid config.ini; override any section or key. */
export function testConfigSections(overrides: ConfigSections = {}): ConfigSections {
  const base: ConfigSections = {
    basic: {
      emr_region: 'eu-west-1',
      emr_name: 'data-pipeline-test',
      log_on_s3: `s3://${TEST_CONFIG_BUCKET}/data-workflows/emr-logs/\${emr_name}/`,
      emr_version: 'emr-7.12.0',
      emr_applications: 'Hadoop, Spark',
    },
    instances: { master_instance_type: 'm5.xlarge', worker_instance_type: 'm5.xlarge, m5a.xlarge', ondemand_worker_count: '2' },
    access: { subnet_id: 'subnet-0abc1234', ec2_keypair_name: 'data-pipeline-key' },
    metastore: { metastore_factory_class: 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory' },
    spot: {
      spot_worker_count: '2',
      spot_worker_increment_count: '4',
      spot_price_pct_of_ondemand: '60',
      spot_timeout_duration_minutes: '10',
      spot_timeout_action: 'SWITCH_TO_ON_DEMAND',
    },
    cluster: { idle_timeout_seconds: '3600', step_concurrency_level: '1' },
    tags: { environment: 'test', project: 'data-pipeline' },
  };
  const merged: ConfigSections = { ...base };
  for (const [section, values] of Object.entries(overrides)) merged[section] = { ...base[section], ...values };
  return merged;
}

/** config.ini text of `testConfigSections(overrides)`. */
export function testConfigIni(overrides: ConfigSections = {}): string {
  return renderConfigIni(testConfigSections(overrides));
}

/** The environment variables every function gets, plus extras. */
export function lambdaTestEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    Config_File_S3_Bucket: TEST_CONFIG_BUCKET,
    Config_File_S3_Key: TEST_CONFIG_KEY,
    AWS_REGION: 'eu-west-1',
    ...extra,
  };
}

/** An S3 GetObject `Body` holding `text`, as the SDK returns it (for aws-sdk-client-mock). */
export function s3TextBody(text: string): ReturnType<typeof sdkStreamMixin> {
  return sdkStreamMixin(Readable.from([Buffer.from(text, 'utf8')]));
}

type GetObjectStub = {
  on(command: typeof GetObjectCommand, input?: Partial<GetObjectCommandInput>): { callsFake(fake: () => unknown): unknown };
};

/**
 * Prepares a handler test: the function's environment variables, a mocked config.ini on S3 (answered
 * afresh on every GetObject), and no config or clients cached from an earlier test.
 */
export function givenLambdaEnvironment(
  s3Mock: GetObjectStub,
  options: { env?: Record<string, string>; config?: ConfigSections } = {},
): void {
  clearConfigCache();
  clearAwsClients();
  for (const [name, value] of Object.entries(lambdaTestEnv(options.env))) vi.stubEnv(name, value);
  s3Mock
    .on(GetObjectCommand, { Bucket: TEST_CONFIG_BUCKET, Key: TEST_CONFIG_KEY })
    .callsFake(() => ({ Body: s3TextBody(testConfigIni(options.config)), ETag: '"test-config"' }));
}
