import { lambdaNames } from '../compute/lambdas';
import {
  commonLambdaGrants,
  emrInstanceRoleGrants,
  emrServiceRoleGrants,
  lambdaGrants,
  lambdaStatements,
  type PermissionTargets,
  scheduleGrants,
  stateMachineGrants,
  statementsOf,
} from './permissions';
import { actionsWithoutResourceTypes, type PolicyStatement } from './policy-document';

/** The permissions table rendered as Markdown for the README, with symbolic resource names. */

export const symbolicTargets: PermissionTargets = {
  partition: 'aws',
  region: '<region>',
  account: '<account>',
  environment: '<env>',
  bucketArn: 'arn:aws:s3:::<bucket>',
  configKey: 'data-workflows/prod/libs/lambda_fn_config/config.ini',
  stateKey: 'data-workflows/prod/state_info/data_pipeline_ClusterId.info',
  targetFolderKey: 'data-workflows/stage/STG_DWH/',
  dataPrefix: 'data-workflows/',
  keyArn: '<pipeline key>',
  topicArn: '<status topic>',
  stateMachineArns: ['<the six state machines>'],
  stateMachineNames: ['<each state machine>'],
  emrServiceRoleArn: '<EMR service role>',
  emrInstanceRoleArn: '<EMR instance role>',
  glueDatabases: ['<each of the four databases>'],
};

const cell = (values: string[]) => values.map((value) => `\`${value}\``).join('<br>');

function conditionText(statement: PolicyStatement): string {
  if (!statement.Condition) return '';
  return Object.entries(statement.Condition)
    .flatMap(([operator, keys]) => Object.entries(keys).map(([key, value]) => `${operator} ${key} = ${JSON.stringify(value)}`))
    .map((text) => `\`${text}\``)
    .join('<br>');
}

function rows(who: string, statements: PolicyStatement[]): string[] {
  return statements.map(
    (statement) => `| ${who} | ${cell(statement.Action)} | ${cell(statement.Resource ?? [])} | ${conditionText(statement)} |`,
  );
}

export function renderIamTable(): string {
  const header = ['| Principal | Actions | Resources | Conditions |', '| --- | --- | --- | --- |'];
  const common = new Set(commonLambdaGrants.map((grant) => grant.sid).concat('WriteOwnLogs'));
  const everyLambda = rows(
    'Every Lambda',
    lambdaStatements('status-emr', symbolicTargets, '<own log group>').filter((statement) => common.has(statement.Sid)),
  );
  const lambdaRows = lambdaNames.flatMap((lambda) => rows(`Lambda ${lambda}`, statementsOf(lambdaGrants[lambda], symbolicTargets)));
  const others = [
    ...rows('Step Functions (each workflow)', statementsOf(stateMachineGrants(['<aliases its definition invokes>']), undefined)),
    ...rows('EventBridge schedule', statementsOf(scheduleGrants('<Master>'), undefined)),
    ...rows('EMR service role (+ AmazonEMRServicePolicy_v2)', statementsOf(emrServiceRoleGrants, symbolicTargets)),
    ...rows('EMR instance role', statementsOf(emrInstanceRoleGrants, symbolicTargets)),
  ];
  const exceptions = Object.entries(actionsWithoutResourceTypes).map(([action, reason]) => `| \`${action}\` | ${reason} |`);
  return [
    ...header,
    ...everyLambda,
    ...lambdaRows,
    ...others,
    '',
    '`"*"` resources, only for these actions (AWS offers nothing narrower):',
    '',
    '| Action | Why `"*"` |',
    '| --- | --- |',
    ...exceptions,
  ].join('\n');
}
