import { InvalidPolicyError, WildcardResourceError } from '../errors';

/** IAM policy documents as plain data: rendered with JSON.stringify (Terraform references stay interpolations). */

export type ConditionValue = string | string[] | boolean;
export type Condition = Record<string, Record<string, ConditionValue>>;
export type Principal = '*' | { AWS?: string | string[]; Service?: string | string[]; Federated?: string };

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource?: string[];
  Principal?: Principal;
  Condition?: Condition;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/**
 * Actions that accept no resource narrower than "*" (the Service Authorization Reference lists no
 * resource type for them), with how this app still narrows them. Nothing else may be granted on "*".
 */
export const actionsWithoutResourceTypes: Readonly<Record<string, string>> = {
  'elasticmapreduce:RunJobFlow':
    'creates the cluster, so there is no cluster ARN yet; narrowed by aws:RequestTag conditions on the pipeline and environment tags',
  'elasticmapreduce:ListClusters': 'lists every cluster of the account and region; EMR has no resource-level permission for it',
  'states:ListStateMachines': 'lists every state machine of the account and region; Step Functions has no resource-level permission for it',
  'athena:ListWorkGroups':
    'lists the workgroups of the account and region (the Athena console needs it); Athena has no resource-level permission for it',
  'xray:PutTraceSegments': 'X-Ray has no resource-level permissions for sending traces',
  'xray:PutTelemetryRecords': 'X-Ray has no resource-level permissions for sending telemetry',
  'xray:GetSamplingRules': 'X-Ray sampling rules are read account-wide',
  'xray:GetSamplingTargets': 'X-Ray sampling targets are read account-wide',
  'logs:CreateLogDelivery': 'Step Functions log delivery (vended logs) is managed account-wide; CloudWatch Logs allows only "*"',
  'logs:GetLogDelivery': 'Step Functions log delivery (vended logs); CloudWatch Logs allows only "*"',
  'logs:UpdateLogDelivery': 'Step Functions log delivery (vended logs); CloudWatch Logs allows only "*"',
  'logs:DeleteLogDelivery': 'Step Functions log delivery (vended logs); CloudWatch Logs allows only "*"',
  'logs:ListLogDeliveries': 'Step Functions log delivery (vended logs); CloudWatch Logs allows only "*"',
  'logs:PutResourcePolicy': 'Step Functions adds its log groups to the account-wide CloudWatch Logs resource policy; only "*" is accepted',
  'logs:DescribeResourcePolicies': 'reads the account-wide CloudWatch Logs resource policy; only "*" is accepted',
  'logs:DescribeLogGroups': 'Step Functions checks the destination log group; DescribeLogGroups allows only "*"',
};

/** Throws when an Allow statement uses a wildcard action or grants an action with a resource type on "*", or is empty. */
export function assertLeastPrivilege(statement: PolicyStatement): void {
  if (statement.Action.length === 0) throw new InvalidPolicyError(`statement ${statement.Sid} has no action`);
  // A wildcard only ever takes away in a Deny (the bucket's guard statements); an Allow names every action.
  if (statement.Effect === 'Allow' && statement.Action.some((action) => action.includes('*'))) {
    throw new InvalidPolicyError(`statement ${statement.Sid} allows a wildcard action: name every action (${statement.Action.join(', ')})`);
  }
  if (statement.Principal !== undefined) return;
  if (!statement.Resource || statement.Resource.length === 0) throw new InvalidPolicyError(`statement ${statement.Sid} has no resource`);
  if (statement.Effect === 'Allow' && statement.Resource.includes('*')) {
    const restricted = statement.Action.filter((action) => !(action in actionsWithoutResourceTypes));
    if (restricted.length > 0) throw new WildcardResourceError(statement.Sid, restricted);
  }
}

/** A policy document of the statements, checked by assertLeastPrivilege. */
export function policyDocument(statements: PolicyStatement[]): PolicyDocument {
  const sids = new Set<string>();
  for (const statement of statements) {
    if (!/^[A-Za-z0-9]+$/.test(statement.Sid)) throw new InvalidPolicyError(`statement id "${statement.Sid}" must be alphanumeric`);
    if (sids.has(statement.Sid)) throw new InvalidPolicyError(`statement id ${statement.Sid} repeats`);
    sids.add(statement.Sid);
    assertLeastPrivilege(statement);
  }
  return { Version: '2012-10-17', Statement: statements };
}

export function renderPolicy(statements: PolicyStatement[]): string {
  return JSON.stringify(policyDocument(statements));
}

export interface TrustConditions {
  /** aws:SourceAccount: set for services that send it (Step Functions, EventBridge, EMR). */
  account?: string;
  /** aws:SourceArn pattern, for services that send it. */
  sourceArn?: string;
}

/** Trust policy letting an AWS service assume a role, with the confused-deputy guards the service supports. */
export function serviceTrustPolicy(service: string, conditions: TrustConditions = {}): string {
  const condition: Condition = {};
  if (conditions.account) condition.StringEquals = { 'aws:SourceAccount': conditions.account };
  if (conditions.sourceArn) condition.ArnLike = { 'aws:SourceArn': conditions.sourceArn };
  const statement = { Sid: 'AssumedByService', Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [Object.keys(condition).length > 0 ? { ...statement, Condition: condition } : statement],
  });
}
