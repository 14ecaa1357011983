import { bucketGuards } from '../access/bucket-guards';
import { PERSON_ROLES, type PeopleTargets, peopleGrants } from '../access/people-grants';
import { stagingDatabases, warehouseDatabases } from '../access/zones';
import { lambdaNames } from '../compute/lambdas';
import {
  commonLambdaGrants,
  emrInstanceRoleGrants,
  emrServiceRoleGrants,
  lambdaGrants,
  lambdaStatements,
  scheduleGrants,
  stateMachineGrants,
  statementsOf,
} from './permissions';
import { actionsWithoutResourceTypes, type PolicyStatement } from './policy-document';
import { symbolicTargets } from './symbolic-targets';

/** The permissions table rendered as Markdown for the README, with symbolic resource names. */

export { symbolicTargets };

export const symbolicPeopleTargets: PeopleTargets = {
  partition: 'aws',
  region: '<region>',
  account: '<account>',
  environment: '<env>',
  bucketArn: 'arn:aws:s3:::<bucket>',
  keyArn: '<pipeline key>',
  workgroupArn: '<Athena workgroup>',
  athenaResultsPrefix: 'data-workflows/athena-results/',
  stateKey: symbolicTargets.stateKey,
  emrLogsPrefix: 'data-workflows/logs/emr/',
  stateMachineArns: ['<the six state machines>'],
  stateMachineNames: ['<each state machine>'],
  logGroupArns: ['<each Lambda and state machine log group>'],
  databases: { staging: stagingDatabases({ name: '<env>' }), warehouse: warehouseDatabases({ name: '<env>' }) },
};

const cell = (values: string[]) => values.map((value) => `\`${value}\``).join('<br>');

function conditionText(statement: PolicyStatement): string {
  if (!statement.Condition) return '';
  return Object.entries(statement.Condition)
    .flatMap(([operator, keys]) => Object.entries(keys).map(([key, value]) => `${operator} ${key} = ${JSON.stringify(value)}`))
    .map((text) => `\`${text}\``)
    .join('<br>');
}

function guardRows(): string[] {
  const guards = bucketGuards({
    emrInstanceRoleArn: '<EMR instance role>',
    stateFileWriterArns: ['<Lambdas that write or remove the state file>'],
    stateKey: symbolicTargets.stateKey,
  });
  return guards.map(
    (guard) =>
      `| Bucket policy: Deny to all but ${guard.allowedPrincipalArns.join(', ')} | ${cell(guard.actions)} | ${cell(guard.keys.map((key) => `arn:aws:s3:::<bucket>/${key}`))} |  |`,
  );
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
    ...PERSON_ROLES.flatMap((role) => rows(`Role ${role} (people)`, statementsOf(peopleGrants[role], symbolicPeopleTargets))),
    '| QuickSight service role (when reporting is on) | the statements of Role analyst, as its own inline policy |  |  |',
    ...guardRows(),
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
