import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { s3Layout } from '@data-pipeline/model';
import { bucketGuards } from '../src/access/bucket-guards';
import { PERSON_ROLES, type PeopleTargets, type PersonRole, peopleGrants } from '../src/access/people-grants';
import { dataZones, stagingDatabases, warehouseDatabases, zonePrefixes } from '../src/access/zones';
import { statementsOf } from '../src/security/permissions';
import { pipelineKeyPolicy } from '../src/security/pipeline-key';
import { policyDocument } from '../src/security/policy-document';
import { workAreaBucketStatements } from '../src/storage/bucket-policy';
import { ATHENA_RESULTS_PREFIX } from '../src/storage/lifecycle';
import { ACCOUNT, type ContextValues, decide, type PolicyJson, REGION } from './policy-simulation';

/**
 * The README's table of what each person's role may do, decided by the simulator on the policies the stack
 * renders (role policy and bucket or key policy), for one object of every zone and one resource of every service.
 */

const arn = (service: string, path: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${path}`;
const bucketArn = 'arn:aws:s3:::work-area';
const keyArn = arn('kms', 'key/pipeline');
const env = 'env';
/** The folder of config.ini and the HiveQL scripts. */
const LIBS_PREFIX = s3Layout.hiveScriptsPrefix.replace(/hive-scripts\/$/, '');
const machines = WORKFLOW_IDS.map((workflow) => `data-pipeline-${env}-${workflow}`);

const targets: PeopleTargets = {
  partition: 'aws',
  region: REGION,
  account: ACCOUNT,
  environment: env,
  bucketArn,
  keyArn,
  workgroupArn: arn('athena', `workgroup/data-pipeline-${env}-analytics`),
  athenaResultsPrefix: ATHENA_RESULTS_PREFIX,
  stateKey: s3Layout.stateFileKey,
  emrLogsPrefix: s3Layout.emrLogsPrefix,
  stateMachineArns: machines.map((name) => arn('states', `stateMachine:${name}`)),
  stateMachineNames: machines,
  logGroupArns: [arn('logs', `log-group:/aws/lambda/data-pipeline-${env}-launch-emr`)],
  databases: { staging: stagingDatabases({ name: env }), warehouse: warehouseDatabases({ name: env }) },
};

const bucketPolicy = policyDocument(
  workAreaBucketStatements({
    bucketArn,
    guards: bucketGuards({
      emrInstanceRoleArn: `arn:aws:iam::${ACCOUNT}:role/emr-instance`,
      stateFileWriterArns: [`arn:aws:iam::${ACCOUNT}:role/state-writer`],
      stateKey: s3Layout.stateFileKey,
    }),
  }),
);
const keyPolicy = JSON.parse(pipelineKeyPolicy({ account: ACCOUNT, partition: 'aws', region: REGION })) as PolicyJson;

interface Check {
  /** The word shown when allowed. */
  word: string;
  action: string;
  resource: string;
  context?: ContextValues;
}

interface Row {
  what: string;
  checks: Check[];
}

const objectChecks = (key: string, prefix: string): Check[] => [
  { word: 'list', action: 's3:ListBucket', resource: bucketArn, context: { 's3:prefix': prefix } },
  { word: 'read', action: 's3:GetObject', resource: `${bucketArn}/${key}` },
  { word: 'write', action: 's3:PutObject', resource: `${bucketArn}/${key}` },
  { word: 'delete', action: 's3:DeleteObject', resource: `${bucketArn}/${key}` },
];

function rows(): Row[] {
  const zones = dataZones().map((zone) => {
    const prefix = zonePrefixes(zone)[1] as string;
    return { what: `S3 ${zone} zone (\`${prefix}…\`)`, checks: objectChecks(`${prefix}table/file`, prefix) };
  });
  const execution = arn('states', `execution:${machines[0]}:run`);
  const cluster = { 'aws:ResourceTag/pipeline': 'data-pipeline', 'aws:ResourceTag/environment': env };
  const glue = (database: string) => arn('glue', `table/${database}/t`);
  return [
    ...zones,
    { what: 'S3 config.ini and HiveQL (`…/prod/libs/`)', checks: objectChecks(s3Layout.configIniKey, LIBS_PREFIX) },
    { what: 'S3 state file', checks: objectChecks(s3Layout.stateFileKey, s3Layout.stateFileKey) },
    { what: 'S3 Athena results', checks: objectChecks(`${ATHENA_RESULTS_PREFIX}q.csv`, ATHENA_RESULTS_PREFIX) },
    { what: 'S3 EMR logs', checks: objectChecks(`${s3Layout.emrLogsPrefix}j-1/stderr.gz`, s3Layout.emrLogsPrefix) },
    {
      what: 'Athena, the environment’s workgroup',
      checks: [{ word: 'query', action: 'athena:StartQueryExecution', resource: targets.workgroupArn }],
    },
    {
      what: 'Glue warehouse tables',
      checks: [
        { word: 'read', action: 'glue:GetTable', resource: glue(`${env}_fact_db`) },
        { word: 'change', action: 'glue:UpdateTable', resource: glue(`${env}_fact_db`) },
      ],
    },
    { what: 'Glue staging tables', checks: [{ word: 'read', action: 'glue:GetTable', resource: glue(`${env}_stg_fact_db`) }] },
    {
      what: 'Step Functions, the six workflows',
      checks: [
        { word: 'start', action: 'states:StartExecution', resource: targets.stateMachineArns[0] as string },
        { word: 'stop', action: 'states:StopExecution', resource: execution },
        { word: 'history', action: 'states:GetExecutionHistory', resource: execution },
      ],
    },
    {
      what: 'EMR, the environment’s cluster',
      checks: [
        {
          word: 'describe',
          action: 'elasticmapreduce:DescribeCluster',
          resource: arn('elasticmapreduce', 'cluster/j-1'),
          context: cluster,
        },
        {
          word: 'terminate',
          action: 'elasticmapreduce:TerminateJobFlows',
          resource: arn('elasticmapreduce', 'cluster/j-1'),
          context: cluster,
        },
      ],
    },
    {
      what: 'CloudWatch Logs of the pipeline',
      checks: [{ word: 'read', action: 'logs:FilterLogEvents', resource: targets.logGroupArns[0] as string }],
    },
    {
      what: 'KMS pipeline key',
      checks: [
        {
          word: 'decrypt through S3',
          action: 'kms:Decrypt',
          resource: keyArn,
          context: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` },
        },
        {
          word: 'encrypt through S3',
          action: 'kms:GenerateDataKey',
          resource: keyArn,
          context: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` },
        },
        { word: 'decrypt directly', action: 'kms:Decrypt', resource: keyArn },
      ],
    },
  ];
}

async function cell(role: PersonRole, row: Row): Promise<string> {
  const identity = { ...policyDocument(statementsOf(peopleGrants[role], targets)) } as PolicyJson;
  const principal = `arn:aws:iam::${ACCOUNT}:role/data-pipeline-${env}-${role}`;
  const allowed: string[] = [];
  for (const check of row.checks) {
    const resource = check.resource.startsWith('arn:aws:s3:::')
      ? bucketPolicy
      : check.resource.startsWith('arn:aws:kms:')
        ? keyPolicy
        : undefined;
    const decision = await decide(
      { identity: [identity], ...(resource ? { resource: resource as PolicyJson } : {}) },
      { principal, action: check.action, resource: check.resource, ...(check.context ? { context: check.context } : {}) },
    );
    if (decision === 'Allowed') allowed.push(check.word);
  }
  return allowed.length > 0 ? allowed.join(', ') : '—';
}

/** The Markdown table: one row per zone or service, one column per role, what the role may do there. */
export async function renderAccessTable(): Promise<string> {
  const lines = [`| | ${PERSON_ROLES.join(' | ')} |`, `| --- |${PERSON_ROLES.map(() => ' --- |').join('')}`];
  for (const row of rows()) {
    const cells: string[] = [];
    for (const role of PERSON_ROLES) cells.push(await cell(role, row));
    lines.push(`| ${row.what} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
