import { join } from 'node:path';
import { getEnvironment } from '@data-pipeline/model';
import { describe, expect, inject, it } from 'vitest';
import { type Json, parsePolicy, readStack, resourcesOf, synthesized } from './support/synthesized';

const bootstrap = (env: 'dev' | 'prod') => readStack(join(inject('synthDir'), 'stacks', `data-pipeline-bootstrap-${env}`));
const only = (env: 'dev' | 'prod', type: string): Json => {
  const [config] = Object.values(resourcesOf(bootstrap(env), type));
  return config as Json;
};

describe('Function: state bucket bootstrap stack', () => {
  it.each(['dev', 'prod'] as const)('returns for %s the very bucket the pipeline stack’s S3 backend names', (env) => {
    // act
    const bucket = only(env, 'aws_s3_bucket');
    const backend = (synthesized(env).json.terraform.backend as { s3: { bucket: string } }).s3;
    // assess
    expect(bucket.bucket).toBe(backend.bucket);
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
  });

  it.each(['dev', 'prod'] as const)('returns the %s state bucket versioned, encrypted, private and TLS only', (env) => {
    // act
    const versioning = only(env, 'aws_s3_bucket_versioning');
    const encryption = only(env, 'aws_s3_bucket_server_side_encryption_configuration');
    const publicAccess = only(env, 'aws_s3_bucket_public_access_block');
    const policy = parsePolicy(String(only(env, 'aws_s3_bucket_policy').policy));
    // assess
    expect(versioning.versioning_configuration).toEqual({ status: 'Enabled' });
    expect(encryption.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' }, bucket_key_enabled: true }]);
    expect(publicAccess).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ]);
  });

  it.each(['dev', 'prod'] as const)('returns the %s bootstrap with local state and its provider pinned to the account', (env) => {
    // act
    const { json } = bootstrap(env);
    const [provider] = json.provider.aws as { allowed_account_ids?: string[]; region?: string }[];
    // assess
    expect(Object.keys(json.terraform.backend as Json)).toEqual(['local']);
    expect(provider?.allowed_account_ids).toEqual([getEnvironment(env).account]);
    expect(provider?.region).toBe(getEnvironment(env).region);
  });
});
