import type { Environment } from '@data-pipeline/model';
import type { Condition, Principal } from '../security/policy-document';

/** Who may assume a person's role, from the model: IAM principals, IAM Identity Center permission sets, else MFA sign-ins of the account. */

export type PersonRoleAccess = NonNullable<NonNullable<Environment['access']>['analyst']>;

export interface TrustStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: Principal;
  Action: string;
  Condition?: Condition;
}

/** The ARN pattern of the roles IAM Identity Center creates for a permission set (with or without the region in the path). */
export function permissionSetRolePattern(partition: string, account: string, permissionSet: string): string {
  return `arn:${partition}:iam::${account}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${permissionSet}_*`;
}

export function personTrustStatements(access: PersonRoleAccess | undefined, partition: string, account: string): TrustStatement[] {
  const root = `arn:${partition}:iam::${account}:root`;
  const principals = access?.principals ?? [];
  const permissionSets = access?.ssoPermissionSets ?? [];
  const statements: TrustStatement[] = [];
  if (principals.length > 0) {
    statements.push({ Sid: 'AssumedByPrincipals', Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' });
  }
  if (permissionSets.length > 0) {
    statements.push({
      Sid: 'AssumedByPermissionSets',
      Effect: 'Allow',
      Principal: { AWS: root },
      Action: 'sts:AssumeRole',
      Condition: { ArnLike: { 'aws:PrincipalArn': permissionSets.map((set) => permissionSetRolePattern(partition, account, set)) } },
    });
  }
  if (statements.length === 0) {
    // Nobody named: the account decides through its own IAM policies who may call sts:AssumeRole, and only with MFA.
    statements.push({
      Sid: 'AssumedWithMfaInAccount',
      Effect: 'Allow',
      Principal: { AWS: root },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } },
    });
  }
  return statements;
}

export function personTrustPolicy(access: PersonRoleAccess | undefined, partition: string, account: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: personTrustStatements(access, partition, account) });
}
