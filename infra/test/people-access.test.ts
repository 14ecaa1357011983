import { describe, expect, it } from 'vitest';
import { PERSON_ROLES, type PersonRole } from '../src/access/people-grants';
import { type AccessCase, analystCases, dataEngineerCases, type Env, operatorCases } from './support/access-cases';
import { type Decision, decide, type Policies, type PolicyJson, policyAt, resolveReferences, roleArn } from './support/policy-evaluation';
import { resourceAt, synthesized } from './support/synthesized';

/** What AWS decides for each role's representative requests, across its role policy and the bucket's or key's policy. */

const casesOf: Record<PersonRole, (env: Env, keyArn: string) => AccessCase[]> = {
  analyst: analystCases,
  'data-engineer': dataEngineerCases,
  operator: operatorCases,
};

interface StackPolicies {
  bucket: PolicyJson;
  key: PolicyJson;
  keyArn: string;
}

function stackPolicies(env: Env): StackPolicies {
  const stack = synthesized(env);
  const keyId = resourceAt(stack, 'aws_kms_key', 'security/key').id;
  return {
    bucket: policyAt(stack, 'aws_s3_bucket_policy', 'storage/policy'),
    key: policyAt(stack, 'aws_kms_key', 'security/key'),
    keyArn: resolveReferences(stack, `\${aws_kms_key.${keyId}.arn}`),
  };
}

/** The policies AWS weighs for a request on the resource: the identity's, and the bucket's or the key's. */
export function policiesFor(env: Env, identity: PolicyJson[], resource: string): Policies {
  const { bucket, key } = stackPolicies(env);
  if (resource.startsWith('arn:aws:s3:::')) return { identity, resource: bucket };
  if (resource.startsWith('arn:aws:kms:')) return { identity, resource: key };
  return { identity };
}

export function matches(expected: AccessCase['expected'], decision: Decision): boolean {
  if (expected === 'allow') return decision === 'Allowed';
  if (expected === 'explicit-deny') return decision === 'ExplicitlyDenied';
  return decision !== 'Allowed';
}

const rows = (['dev', 'prod'] as const).flatMap((env) =>
  PERSON_ROLES.flatMap((role) =>
    casesOf[role](env, stackPolicies(env).keyArn).map((row) => ({
      env,
      role,
      ...row,
      label: row.resource.replace(/^arn:aws:s3:::[^/]+\//, ''),
    })),
  ),
);

describe('Function: people role policies, evaluated', () => {
  it.each(rows)(
    'returns $expected for the $env $role role: $action on $label',
    async ({ env, role, action, resource, context, expected }) => {
      // prepare
      const stack = synthesized(env);
      const policy = policyAt(stack, 'aws_iam_role_policy', `access/${role}/policy`);
      const principal = roleArn(stack, `access/${role}/role`);
      // act
      const decision = await decide(policiesFor(env, [policy], resource), { principal, action, resource, ...(context ? { context } : {}) });
      // assess
      expect(matches(expected, decision), `${decision}`).toBe(true);
    },
  );

  it('returns a table that a widened role policy fails: the analyst granted every object of the work area', async () => {
    // prepare
    const stack = synthesized('dev');
    const policy = policyAt(stack, 'aws_iam_role_policy', 'access/analyst/policy');
    const bucketArn = resolveReferences(stack, `\${aws_s3_bucket.${resourceAt(stack, 'aws_s3_bucket', 'storage/bucket').id}.arn}`);
    const widened: PolicyJson = {
      ...policy,
      Statement: [
        ...policy.Statement,
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [`${bucketArn}/data-workflows/*`] },
      ],
    };
    const principal = roleArn(stack, 'access/analyst/role');
    // act
    const failures: string[] = [];
    for (const row of analystCases('dev', stackPolicies('dev').keyArn)) {
      const decision = await decide(policiesFor('dev', [widened], row.resource), { principal, ...row });
      if (!matches(row.expected, decision)) failures.push(`${row.action} ${row.resource}`);
    }
    // assess
    expect(failures.length).toBeGreaterThan(10);
    expect(failures.some((failure) => failure.includes('/landing/'))).toBe(true);
    expect(failures.some((failure) => failure.includes('/prod/DWH/'))).toBe(false);
  });
});
