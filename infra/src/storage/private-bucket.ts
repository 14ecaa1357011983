import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { Construct } from 'constructs';

export interface PrivateBucketSettings {
  publicAccess: S3BucketPublicAccessBlock;
  versioning: S3BucketVersioningA;
}

/**
 * What every bucket of the pipeline has: public access blocked, owner-enforced objects, SSE-KMS by default with
 * a bucket key (the given key, else S3's AWS-managed key), versioning.
 */
export function privateBucketSettings(scope: Construct, bucket: string, kmsKeyArn?: string): PrivateBucketSettings {
  const publicAccess = new S3BucketPublicAccessBlock(scope, 'public-access', {
    bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new S3BucketServerSideEncryptionConfigurationA(scope, 'encryption', {
    bucket,
    rule: [
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', ...(kmsKeyArn ? { kmsMasterKeyId: kmsKeyArn } : {}) },
        bucketKeyEnabled: true,
      },
    ],
  });
  const versioning = new S3BucketVersioningA(scope, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
  return { publicAccess, versioning };
}
