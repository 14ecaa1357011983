import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lambdaNames } from '../src/compute/lambdas';
import { type Json, ref, resourceAt, synthesized } from './support/synthesized';

const configKey = 'data-workflows/prod/libs/lambda_fn_config/config.ini';
const stateKey = 'data-workflows/prod/state_info/data_pipeline_ClusterId.info';

/** The original Lambdas' environment variables (docs/ARCHITECTURE.md), written out per Lambda (the fallbacks are left unset). */
function expectedVariables(lambda: string, bucket: string, topic: string, env: string): Record<string, string> {
  const variables: Record<string, string> = { Config_File_S3_Bucket: bucket, Config_File_S3_Key: configKey };
  if (['write-state-info-to-s3', 'read-state-info-from-s3', 'remove-state-info-from-s3'].includes(lambda)) {
    Object.assign(variables, { State_Info_File_S3_Bucket: bucket, State_Info_File_S3_Key: stateKey });
  }
  if (lambda === 'send-msg-sns') Object.assign(variables, { TopicArn: topic, Subject: `data-pipeline ${env}` });
  if (lambda === 'delete-all-objects-in-s3folder') {
    Object.assign(variables, { Target_Folder_S3_Bucket: bucket, Target_Folder_S3_Key: 'data-workflows/stage/STG_DWH/' });
  }
  return variables;
}

describe('Function: Lambda functions', () => {
  it.each(['dev', 'prod'] as const)('returns the original environment variables of each function in %s', (env) => {
    const stack = synthesized(env);
    const bucket = ref('aws_s3_bucket', resourceAt(stack, 'aws_s3_bucket', 'storage/bucket').id, 'bucket');
    const topic = ref('aws_sns_topic', resourceAt(stack, 'aws_sns_topic', 'notification/topic').id, 'arn');
    for (const lambda of lambdaNames) {
      const { config } = resourceAt(stack, 'aws_lambda_function', `compute/${lambda}/function`);
      expect((config.environment as Json).variables, lambda).toEqual(expectedVariables(lambda, bucket, topic, env));
    }
  });

  it.each(['dev', 'prod'] as const)(
    'returns nodejs22.x functions named data-pipeline-%s-<lambda>, published, traced, with their log group',
    (env) => {
      const stack = synthesized(env);
      for (const lambda of lambdaNames) {
        const fn = resourceAt(stack, 'aws_lambda_function', `compute/${lambda}/function`);
        const logs = resourceAt(stack, 'aws_cloudwatch_log_group', `compute/${lambda}/logs`);
        const alias = resourceAt(stack, 'aws_lambda_alias', `compute/${lambda}/alias`);
        const role = resourceAt(stack, 'aws_iam_role', `compute/${lambda}/role/role`);
        expect(fn.config).toMatchObject({
          function_name: `data-pipeline-${env}-${lambda}`,
          runtime: 'nodejs22.x',
          handler: 'index.handler',
          publish: true,
          tracing_config: { mode: 'Active' },
          role: ref('aws_iam_role', role.id, 'arn'),
          logging_config: { log_group: ref('aws_cloudwatch_log_group', logs.id, 'name') },
        });
        expect(logs.config).toMatchObject({ name: `/aws/lambda/data-pipeline-${env}-${lambda}`, retention_in_days: 365 });
        expect(alias.config).toMatchObject({ name: 'live', function_version: ref('aws_lambda_function', fn.id, 'version') });
      }
    },
  );

  it('returns a source hash equal to the SHA-256 of the packaged zip, which holds the bundle', () => {
    const stack = synthesized('dev');
    for (const lambda of lambdaNames) {
      const { config } = resourceAt(stack, 'aws_lambda_function', `compute/${lambda}/function`);
      const zip = readFileSync(join(stack.dir, String(config.filename)));
      expect(config.source_code_hash, lambda).toBe(createHash('sha256').update(zip).digest('base64'));
      expect(zip.includes(Buffer.from('index.mjs'))).toBe(true);
    }
  });

  it('returns the same package in dev and prod for the same bundle', () => {
    for (const lambda of lambdaNames) {
      const dev = resourceAt(synthesized('dev'), 'aws_lambda_function', `compute/${lambda}/function`).config;
      const prod = resourceAt(synthesized('prod'), 'aws_lambda_function', `compute/${lambda}/function`).config;
      expect(prod.source_code_hash).toBe(dev.source_code_hash);
    }
  });
});
