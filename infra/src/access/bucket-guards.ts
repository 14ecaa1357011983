import { lambdaNames } from '../compute/lambdas';
import { lambdaGrants, statementsOf } from '../security/permissions';
import { symbolicTargets } from '../security/symbolic-targets';
import type { BucketGuard } from '../storage/bucket-policy';
import { zonePrefixes } from './zones';

/** Object changes the bucket refuses to everybody but the principals whose job they are, whatever a role policy says. */
export const GUARDED_CHANGES = ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'];

/** The Lambdas whose own grants (security/permissions.ts) change the state file: only they may, per the bucket. */
export function stateFileWriters(): string[] {
  const stateFile = `${symbolicTargets.bucketArn}/${symbolicTargets.stateKey}`;
  return lambdaNames.filter((lambda) =>
    statementsOf(lambdaGrants[lambda], symbolicTargets).some(
      (statement) => statement.Action.some((action) => GUARDED_CHANGES.includes(action)) && (statement.Resource ?? []).includes(stateFile),
    ),
  );
}

export interface GuardPrincipals {
  emrInstanceRoleArn: string;
  /** Role ARNs of the Lambdas of stateFileWriters(). */
  stateFileWriterArns: string[];
  stateKey: string;
}

export function bucketGuards(principals: GuardPrincipals): BucketGuard[] {
  return [
    {
      sid: 'OnlyClusterChangesWarehouse',
      actions: GUARDED_CHANGES,
      keys: zonePrefixes('warehouse').map((prefix) => `${prefix}*`),
      allowedPrincipalArns: [principals.emrInstanceRoleArn],
    },
    {
      sid: 'OnlyStateLambdasChangeStateFile',
      actions: GUARDED_CHANGES,
      keys: [principals.stateKey],
      allowedPrincipalArns: principals.stateFileWriterArns,
    },
  ];
}
