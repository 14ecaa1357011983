import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import type { Environment } from '@data-pipeline/model';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { S3BackendSettings } from '../deployment';
import { renderPolicy } from '../security/policy-document';
import { privateBucketSettings } from '../storage/private-bucket';

export interface StateBucketStackProps {
  /** The environment whose state the bucket keeps (its account pins the provider, its tags tag the bucket). */
  environment: Environment;
  backend: S3BackendSettings;
}

/** Old state versions are kept a year: enough to roll a broken apply back. */
export const STATE_VERSIONS_KEPT_DAYS = 365;

/**
 * data-pipeline-bootstrap-<env>: the bucket the environment's stack keeps its Terraform state in,
 * created once per environment before the first `cdktf deploy data-pipeline-<env>`. Its own state is
 * local (infra/terraform.data-pipeline-bootstrap-<env>.tfstate), since the bucket cannot hold the state
 * of its own creation. Versioned, encrypted, public access blocked, TLS only; the environment's stack
 * locks with a lock file beside its state (use_lockfile), so no lock table is needed.
 */
export class StateBucketStack extends TerraformStack {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: StateBucketStackProps) {
    super(scope, id);
    const { environment: env, backend } = props;
    new AwsProvider(this, 'aws', {
      region: backend.region,
      defaultTags: [{ tags: env.tags }],
      ...(env.account ? { allowedAccountIds: [env.account] } : {}),
    });
    this.bucket = new S3Bucket(this, 'state', { bucket: backend.bucket, lifecycle: { preventDestroy: true } });
    const bucket = this.bucket.id;
    const { versioning } = privateBucketSettings(this, bucket);
    new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: renderPolicy([
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*'],
          Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      dependsOn: [versioning],
      rule: [
        {
          id: 'old-state-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: STATE_VERSIONS_KEPT_DAYS }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    new TerraformOutput(this, 'state_bucket', { value: this.bucket.bucket });
  }
}
