import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import {
  S3BucketLifecycleConfiguration,
  type S3BucketLifecycleConfigurationRule,
} from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import type { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { renderPolicy } from '../security/policy-document';
import { type BucketGuard, workAreaBucketStatements } from './bucket-policy';
import { ABORT_MULTIPART_DAYS, type LifecycleRule, lifecycleRules, NONCURRENT_VERSION_DAYS } from './lifecycle';
import { privateBucketSettings } from './private-bucket';

function lifecycleRule(rule: LifecycleRule): S3BucketLifecycleConfigurationRule {
  return {
    id: rule.id,
    status: 'Enabled',
    filter: [{ prefix: rule.prefix }],
    ...(rule.transitions ? { transition: rule.transitions.map((step) => ({ days: step.days, storageClass: step.storageClass })) } : {}),
    ...(rule.expirationDays ? { expiration: [{ days: rule.expirationDays }] } : {}),
  };
}

/** The environment's work-area bucket (its layout: docs/ARCHITECTURE.md): private, encrypted with the pipeline key, versioned, TLS only. */
export class WorkAreaBucket extends Construct {
  readonly bucket: S3Bucket;
  private readonly publicAccess: S3BucketPublicAccessBlock;
  policy?: S3BucketPolicy;

  constructor(
    scope: Construct,
    id: string,
    private readonly context: StackContext,
    keyArn: string,
  ) {
    super(scope, id);
    const { env } = context;
    this.bucket = new S3Bucket(this, 'bucket', { bucket: env.bucket, forceDestroy: false });
    const bucket = this.bucket.id;
    const { publicAccess, versioning } = privateBucketSettings(this, bucket, keyArn);
    this.publicAccess = publicAccess;
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      dependsOn: [versioning],
      rule: [
        ...lifecycleRules.map(lifecycleRule),
        {
          id: 'expire-old-versions-and-uploads',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: NONCURRENT_VERSION_DAYS }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_MULTIPART_DAYS }],
        },
      ],
    });
  }

  /**
   * The bucket policy, once the roles exist that stay allowed from outside the VPC endpoint (when the
   * environment restricts the bucket to one): the Lambda roles, and the deployment's exempt principals; and the
   * guards of the zones only some principals may change.
   */
  applyPolicy(endpointExemptRoleArns: string[], guards: BucketGuard[] = []): S3BucketPolicy {
    const { deployment } = this.context;
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket: this.bucket.id,
      dependsOn: [this.publicAccess],
      policy: renderPolicy(
        workAreaBucketStatements({
          bucketArn: this.bucket.arn,
          vpcEndpointId: deployment.s3VpcEndpointId,
          exemptPrincipalArns: [...endpointExemptRoleArns, ...(deployment.vpcEndpointExemptPrincipalArns ?? [])],
          guards,
        }),
      ),
    });
    return this.policy;
  }
}
