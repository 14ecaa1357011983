import type { PolicyStatement } from '../security/policy-document';

/** The work-area bucket's policy: TLS only, object changes some zones allow only to their writers, optionally only through the cluster VPC's S3 endpoint. */

export interface BucketPolicyTargets {
  bucketArn: string;
  /** Restrict object access to this S3 gateway endpoint. */
  vpcEndpointId?: string;
  /** Principals (role ARNs) still allowed from outside the endpoint: the Lambda roles, the deployer, operators. */
  exemptPrincipalArns?: string[];
  /** Object changes only some principals may make (access/bucket-guards.ts). */
  guards?: BucketGuard[];
}

/** A Deny of the actions on the keys to every principal but the allowed ones. */
export interface BucketGuard {
  sid: string;
  actions: string[];
  /** Object keys (patterns with *) the guard covers. */
  keys: string[];
  allowedPrincipalArns: string[];
}

export const OBJECT_DATA_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'];

export function workAreaBucketStatements(targets: BucketPolicyTargets): PolicyStatement[] {
  const resources = [targets.bucketArn, `${targets.bucketArn}/*`];
  const statements: PolicyStatement[] = [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*'],
      Resource: resources,
      Condition: { Bool: { 'aws:SecureTransport': false } },
    },
    {
      Sid: 'DenyOutdatedTls',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*'],
      Resource: resources,
      Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
    },
  ];
  for (const guard of targets.guards ?? []) {
    statements.push({
      Sid: guard.sid,
      Effect: 'Deny',
      Principal: '*',
      Action: guard.actions,
      Resource: guard.keys.map((key) => `${targets.bucketArn}/${key}`),
      Condition: { ArnNotLike: { 'aws:PrincipalArn': guard.allowedPrincipalArns } },
    });
  }
  if (targets.vpcEndpointId) {
    const condition: PolicyStatement['Condition'] = {
      StringNotEquals: { 'aws:sourceVpce': targets.vpcEndpointId },
      BoolIfExists: { 'aws:ViaAWSService': false },
    };
    if (targets.exemptPrincipalArns && targets.exemptPrincipalArns.length > 0) {
      condition.ArnNotLike = { 'aws:PrincipalArn': targets.exemptPrincipalArns };
    }
    statements.push({
      Sid: 'DenyOutsideVpcEndpoint',
      Effect: 'Deny',
      Principal: '*',
      Action: OBJECT_DATA_ACTIONS,
      Resource: resources,
      Condition: condition,
    });
  }
  return statements;
}
