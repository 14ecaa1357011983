import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getEnvironment } from '@data-pipeline/model';
import { App } from 'cdktf';
import { afterAll, describe, expect, it } from 'vitest';
import { PERSON_ROLES, type PersonRole } from '../src/access/people-grants';
import { getDeploymentSettings } from '../src/deployment';
import { DataPipelineStack } from '../src/stack';
import { ACCOUNT, type ContextValues, type Decision, decide, policyAt, roleArn } from './support/policy-evaluation';
import { readStack, type SynthesizedStack, synthesized } from './support/synthesized';

/** Who may assume each person's role: evaluated on the trust policy, with the caller's own permission to call sts:AssumeRole. */

const lambdasRoot = process.env.DATA_PIPELINE_LAMBDAS_ROOT;
const engineers = `arn:aws:iam::${ACCOUNT}:role/platform-engineers`;
const ssoRole = (permissionSet: string) =>
  `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_${permissionSet}_0a1b2c3d4e5f6a7b`;
const person = `arn:aws:iam::${ACCOUNT}:user/alice`;

/** prod with every way of naming who may assume a role, synthesized as `pnpm synth` does (construct paths kept). */
function configuredStack(outdir: string): SynthesizedStack {
  const prod = getEnvironment('prod');
  const app = new App({ outdir });
  new DataPipelineStack(app, 'data-pipeline-prod', {
    environment: {
      ...prod,
      access: {
        analyst: { ssoPermissionSets: ['DataAnalyst'] },
        dataEngineer: { principals: [engineers] },
        operator: { principals: [engineers], ssoPermissionSets: ['PipelineOperator'] },
      },
    },
    deployment: getDeploymentSettings('prod'),
    ...(lambdasRoot ? { lambdasRoot } : {}),
  });
  app.synth();
  return readStack(join(outdir, 'stacks', 'data-pipeline-prod'), 'configured');
}

const mayAssume = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };

async function assume(stack: SynthesizedStack, role: PersonRole, principal: string, context: ContextValues = {}): Promise<Decision> {
  const trust = policyAt(stack, 'aws_iam_role', `access/${role}/role`, 'assume_role_policy');
  return decide(
    { identity: [mayAssume], resource: trust },
    { principal, action: 'sts:AssumeRole', resource: roleArn(stack, `access/${role}/role`), context },
  );
}

describe('Function: people role trust, nobody configured', () => {
  it.each((['dev', 'prod'] as const).flatMap((env) => PERSON_ROLES.map((role) => [env, role] as const)))(
    'returns assumable only with MFA by the account’s principals for the %s %s role',
    async (env, role) => {
      // prepare
      const stack = synthesized(env);
      // act
      const withMfa = await assume(stack, role, person, { 'aws:MultiFactorAuthPresent': 'true' });
      const withoutMfa = await assume(stack, role, person, { 'aws:MultiFactorAuthPresent': 'false' });
      const otherAccount = await assume(stack, role, 'arn:aws:iam::210987654321:user/mallory', { 'aws:MultiFactorAuthPresent': 'true' });
      // assess
      expect([withMfa, withoutMfa, otherAccount]).toEqual(['Allowed', 'ImplicitlyDenied', 'ImplicitlyDenied']);
    },
  );
});

describe('Function: people role trust, principals and permission sets configured', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'infra-trust-'));
  const stack = configuredStack(outdir);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it.each([
    ['analyst', ssoRole('DataAnalyst'), 'Allowed'],
    ['analyst', ssoRole('AdministratorAccess'), 'ImplicitlyDenied'],
    ['analyst', engineers, 'ImplicitlyDenied'],
    ['data-engineer', engineers, 'Allowed'],
    ['data-engineer', ssoRole('DataAnalyst'), 'ImplicitlyDenied'],
    ['operator', engineers, 'Allowed'],
    ['operator', ssoRole('PipelineOperator'), 'Allowed'],
    ['operator', ssoRole('DataAnalyst'), 'ImplicitlyDenied'],
  ] as const)('returns for the %s role assumed by %s: %s', async (role, principal, expected) => {
    // act
    const decision = await assume(stack, role, principal);
    // assess
    expect(decision).toBe(expected);
  });

  it('returns no MFA fallback once a role names who may assume it', async () => {
    // act
    const decision = await assume(stack, 'analyst', person, { 'aws:MultiFactorAuthPresent': 'true' });
    // assess
    expect(decision).toBe('ImplicitlyDenied');
  });
});
