import { s3Layout } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { bucketGuards, stateFileWriters } from '../src/access/bucket-guards';
import { zonePrefixes } from '../src/access/zones';
import { objectArn } from './support/access-cases';
import { type Decision, decide, policyAt, roleArn } from './support/policy-evaluation';
import { synthesized } from './support/synthesized';

/** The bucket's guards take from no pipeline principal what its job needs, and from every other principal the rest. */

const warehouseObject = `${zonePrefixes('warehouse')[1]}sample_country_tx_fact/date_id=20240101/000000_0`;
const stageObject = `${zonePrefixes('stage')[0]}sample_country_dim/countries.csv`;

/** The role's construct path (its policy and role below it), the request, and the decision. */
type Row = [rolePath: string, action: string, key: string, expected: Decision];

const rows: Row[] = [
  ['emr/instance-role', 's3:PutObject', warehouseObject, 'Allowed'],
  ['emr/instance-role', 's3:DeleteObject', warehouseObject, 'Allowed'],
  ['emr/instance-role', 's3:PutObject', stageObject, 'Allowed'],
  ['emr/instance-role', 's3:DeleteObject', stageObject, 'Allowed'],
  ['emr/instance-role', 's3:PutObject', s3Layout.stateFileKey, 'ExplicitlyDenied'],
  ['emr/instance-role', 's3:DeleteObject', s3Layout.stateFileKey, 'ExplicitlyDenied'],
  ['compute/write-state-info-to-s3/role', 's3:PutObject', s3Layout.stateFileKey, 'Allowed'],
  ['compute/remove-state-info-from-s3/role', 's3:DeleteObject', s3Layout.stateFileKey, 'Allowed'],
  ['compute/read-state-info-from-s3/role', 's3:GetObject', s3Layout.stateFileKey, 'Allowed'],
  ['compute/read-state-info-from-s3/role', 's3:PutObject', s3Layout.stateFileKey, 'ExplicitlyDenied'],
  ['compute/delete-all-objects-in-s3folder/role', 's3:DeleteObject', stageObject, 'Allowed'],
  ['compute/delete-all-objects-in-s3folder/role', 's3:DeleteObject', warehouseObject, 'ExplicitlyDenied'],
  ['compute/launch-emr/role', 's3:GetObject', s3Layout.configIniKey, 'Allowed'],
];

describe('Function: work-area bucket guards, evaluated with the pipeline roles', () => {
  it.each((['dev', 'prod'] as const).flatMap((env) => rows.map((row) => [env, ...row] as const)))(
    'returns the decision for %s: %s %s on %s is %s',
    async (env, principalPath, action, key, expected) => {
      // prepare
      const stack = synthesized(env);
      const policy = policyAt(stack, 'aws_iam_role_policy', `${principalPath}/policy`);
      const bucket = policyAt(stack, 'aws_s3_bucket_policy', 'storage/policy');
      const principal = roleArn(stack, `${principalPath}/role`);
      // act
      const decision = await decide({ identity: [policy], resource: bucket }, { principal, action, resource: objectArn(env, key) });
      // assess
      expect(decision).toBe(expected);
    },
  );
});

describe('Function: stateFileWriters', () => {
  it('returns the Lambdas whose grants change the state file', () => {
    // act / assess
    expect(stateFileWriters().sort()).toEqual(['remove-state-info-from-s3', 'write-state-info-to-s3']);
  });
});

describe('Function: bucketGuards', () => {
  it('returns a guard of the warehouse for the cluster and one of the state file for its Lambdas', () => {
    // act
    const guards = bucketGuards({
      emrInstanceRoleArn: 'arn:aws:iam::1:role/emr',
      stateFileWriterArns: ['arn:aws:iam::1:role/w'],
      stateKey: 'k',
    });
    // assess
    expect(guards).toEqual([
      {
        sid: 'OnlyClusterChangesWarehouse',
        actions: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
        keys: ['data-workflows/prod/DWH/dimension_db/*', 'data-workflows/prod/DWH/fact_db/*'],
        allowedPrincipalArns: ['arn:aws:iam::1:role/emr'],
      },
      {
        sid: 'OnlyStateLambdasChangeStateFile',
        actions: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
        keys: ['k'],
        allowedPrincipalArns: ['arn:aws:iam::1:role/w'],
      },
    ]);
  });
});
