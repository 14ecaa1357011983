import { describe, expect, it } from 'vitest';
import { actionsWithoutResourceTypes, assertLeastPrivilege } from '../src/security/policy-document';
import { asList, type Json, metadataPath, parsePolicy, type Statement, synthesized } from './support/synthesized';

/** Actions AWS lets no narrower than "*" (Service Authorization Reference: no resource type), listed here on their own. */
const actionsAllowedOnStar = [
  'elasticmapreduce:RunJobFlow',
  'elasticmapreduce:ListClusters',
  'states:ListStateMachines',
  'athena:ListWorkGroups',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];

interface FoundPolicy {
  where: string;
  statements: Statement[];
  /** A key policy: its "Resource": "*" means the key itself. */
  keyPolicy: boolean;
}

function policiesOf(env: 'dev' | 'prod'): FoundPolicy[] {
  const { resource } = synthesized(env).json;
  const found: FoundPolicy[] = [];
  const add = (type: string, attribute: string, keyPolicy = false) => {
    for (const config of Object.values(resource[type] ?? {}) as Json[]) {
      found.push({ where: `${type} ${metadataPath(config)}`, statements: parsePolicy(config[attribute]).Statement, keyPolicy });
    }
  };
  add('aws_iam_role_policy', 'policy');
  add('aws_iam_role', 'assume_role_policy');
  add('aws_s3_bucket_policy', 'policy');
  add('aws_sns_topic_policy', 'policy');
  add('aws_kms_key', 'policy', true);
  return found;
}

describe('Function: every policy of both stacks', () => {
  it('returns the same list of star-only actions as the documented table', () => {
    expect(Object.keys(actionsWithoutResourceTypes).sort()).toEqual([...actionsAllowedOnStar].sort());
    for (const reason of Object.values(actionsWithoutResourceTypes)) expect(reason.length).toBeGreaterThan(20);
  });

  it.each(['dev', 'prod'] as const)('returns no wildcard action in any Allow statement of %s', (env) => {
    // prepare
    const policies = policiesOf(env);
    // act
    const offending = policies.flatMap(({ where, statements }) =>
      statements.filter((s) => s.Effect === 'Allow' && asList(s.Action).some((a) => a.includes('*'))).map((s) => `${where} ${s.Sid}`),
    );
    // assess
    expect(policies.length).toBeGreaterThan(50);
    expect(offending).toEqual([]);
  });

  it.each(['dev', 'prod'] as const)('returns "*" resources in %s only for actions without a resource type', (env) => {
    const offending = policiesOf(env)
      .filter((policy) => !policy.keyPolicy)
      .flatMap(({ where, statements }) =>
        statements
          .filter((s) => s.Effect === 'Allow' && asList(s.Resource).includes('*'))
          .flatMap((s) =>
            asList(s.Action)
              .filter((action) => !actionsAllowedOnStar.includes(action))
              .map((action) => `${where}: ${action}`),
          ),
      );
    expect(offending).toEqual([]);
  });

  it.each(['dev', 'prod'] as const)('returns wildcard actions in %s only in the Deny guards of the bucket policy', (env) => {
    const denies = policiesOf(env).flatMap(({ where, statements }) =>
      statements.filter((s) => asList(s.Action).some((a) => a.includes('*'))).map((s) => `${where.split(' ')[0]} ${s.Effect} ${s.Sid}`),
    );
    expect(denies.sort()).toEqual(['aws_s3_bucket_policy Deny DenyInsecureTransport', 'aws_s3_bucket_policy Deny DenyOutdatedTls']);
  });
});

describe('Function: assertLeastPrivilege', () => {
  it('throws when an Allow grants an action with a resource type on "*"', () => {
    expect(() => assertLeastPrivilege({ Sid: 'Wide', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] })).toThrow(/s3:GetObject/);
  });

  it('throws when an Allow names a wildcard action', () => {
    expect(() => assertLeastPrivilege({ Sid: 'Wild', Effect: 'Allow', Action: ['s3:Get*'], Resource: ['arn:aws:s3:::b/*'] })).toThrow(
      /wildcard/,
    );
  });

  it('returns without error when a star-only action is granted on "*"', () => {
    expect(() =>
      assertLeastPrivilege({ Sid: 'List', Effect: 'Allow', Action: ['elasticmapreduce:ListClusters'], Resource: ['*'] }),
    ).not.toThrow();
  });
});
