import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { getEnvironment, s3Layout } from '@data-pipeline/model';
import { dataZones, zonePrefixes } from '../../src/access/zones';
import { ACCOUNT, type ContextValues, REGION } from './policy-evaluation';

/** Representative requests of each role, with what AWS must decide: the tables the people-access tests evaluate. */

export type Expected = 'allow' | 'deny' | 'explicit-deny';
export type Env = 'dev' | 'prod';

export interface AccessCase {
  action: string;
  resource: string;
  context?: ContextValues;
  expected: Expected;
}

const other = (env: Env): Env => (env === 'dev' ? 'prod' : 'dev');
export const bucketArn = (env: Env) => `arn:aws:s3:::${getEnvironment(env).bucket}`;
export const objectArn = (env: Env, key: string) => `${bucketArn(env)}/${key}`;
const stateMachine = (env: Env, workflow: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:data-pipeline-${env}-${workflow}`;
const execution = (env: Env, workflow: string) => `arn:aws:states:${REGION}:${ACCOUNT}:execution:data-pipeline-${env}-${workflow}:run-1`;
const cluster = `arn:aws:elasticmapreduce:${REGION}:${ACCOUNT}:cluster/j-2AXXXXXXGAPLF`;
const clusterTags = (env: Env) => ({ 'aws:ResourceTag/pipeline': 'data-pipeline', 'aws:ResourceTag/environment': env });
const glue = (path: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:${path}`;
const throughS3 = { 'kms:ViaService': `s3.${REGION}.amazonaws.com` };
const workgroup = (env: Env) => `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/data-pipeline-${env}-analytics`;
const logGroup = (name: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`;

/** An object of each zone (every zone of the layout, for both kinds of table), and the keys outside the zones. */
export function zoneObjects(): { zone: string; key: string }[] {
  return dataZones().flatMap((zone) => zonePrefixes(zone).map((prefix) => ({ zone, key: `${prefix}sample_table/part-00000` })));
}
const warehouseObject = `${zonePrefixes('warehouse')[1]}sample_country_tx_fact/date_id=20240101/000000_0`;
const landingObject = `${zonePrefixes('landing')[1]}sample_country_tx_fact/tx_20240101.csv`;
const resultObject = 'data-workflows/athena-results/5d1e2c6a.csv';
const hiveScript = `${s3Layout.hiveScriptsPrefix}sample_country_tx_fact.hql`;
const emrLog = `${s3Layout.emrLogsPrefix}j-2AXXXXXXGAPLF/steps/s-1/stderr.gz`;

const key = (env: Env, expected: Expected, action: string, objectKey: string, context?: ContextValues): AccessCase => ({
  action,
  resource: objectArn(env, objectKey),
  expected,
  ...(context ? { context } : {}),
});
const listing = (env: Env, expected: Expected, prefix: string): AccessCase => ({
  action: 's3:ListBucket',
  resource: bucketArn(env),
  context: { 's3:prefix': prefix },
  expected,
});

export function analystCases(env: Env, keyArn: string): AccessCase[] {
  return [
    { action: 'athena:StartQueryExecution', resource: workgroup(env), expected: 'allow' },
    { action: 'athena:GetQueryResults', resource: workgroup(env), expected: 'allow' },
    { action: 'athena:ListWorkGroups', resource: '*', expected: 'allow' },
    { action: 'athena:StartQueryExecution', resource: workgroup(other(env)), expected: 'deny' },
    { action: 'athena:StartQueryExecution', resource: `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/primary`, expected: 'deny' },
    { action: 'athena:UpdateWorkGroup', resource: workgroup(env), expected: 'deny' },
    { action: 'glue:GetTable', resource: glue(`table/${env}_fact_db/sample_country_tx_fact`), expected: 'allow' },
    { action: 'glue:GetPartitions', resource: glue(`table/${env}_fact_db/sample_country_tx_fact`), expected: 'allow' },
    { action: 'glue:GetTable', resource: glue(`table/${env}_dimension_db/sample_country_dim`), expected: 'allow' },
    { action: 'glue:GetTable', resource: glue(`table/${env}_stg_fact_db/sample_country_tx_fact`), expected: 'deny' },
    { action: 'glue:UpdateTable', resource: glue(`table/${env}_fact_db/sample_country_tx_fact`), expected: 'deny' },
    { action: 'glue:DeleteTable', resource: glue(`table/${env}_fact_db/sample_country_tx_fact`), expected: 'deny' },
    { action: 'glue:GetTable', resource: glue(`table/${other(env)}_fact_db/sample_country_tx_fact`), expected: 'deny' },
    key(env, 'allow', 's3:GetObject', warehouseObject),
    listing(env, 'allow', `${zonePrefixes('warehouse')[1]}sample_country_tx_fact/`),
    listing(env, 'deny', ''),
    listing(env, 'deny', zonePrefixes('landing')[1] as string),
    key(env, 'allow', 's3:PutObject', resultObject),
    key(env, 'allow', 's3:GetObject', resultObject),
    key(env, 'explicit-deny', 's3:PutObject', warehouseObject),
    key(env, 'explicit-deny', 's3:DeleteObject', warehouseObject),
    key(env, 'deny', 's3:DeleteObject', resultObject),
    key(env, 'deny', 's3:GetObject', s3Layout.configIniKey),
    key(env, 'deny', 's3:GetObject', hiveScript),
    key(env, 'deny', 's3:GetObject', s3Layout.stateFileKey),
    key(env, 'deny', 's3:GetObject', emrLog),
    ...zoneObjects()
      .filter(({ zone }) => zone !== 'warehouse')
      .flatMap(({ key: objectKey }) => [key(env, 'deny', 's3:GetObject', objectKey), key(env, 'deny', 's3:PutObject', objectKey)]),
    { action: 's3:GetObject', resource: `arn:aws:s3:::${getEnvironment(other(env)).bucket}/${warehouseObject}`, expected: 'deny' },
    { action: 'kms:Decrypt', resource: keyArn, context: throughS3, expected: 'allow' },
    { action: 'kms:GenerateDataKey', resource: keyArn, context: throughS3, expected: 'allow' },
    { action: 'kms:Decrypt', resource: keyArn, expected: 'deny' },
    { action: 'states:StartExecution', resource: stateMachine(env, 'master'), expected: 'deny' },
    { action: 'elasticmapreduce:DescribeCluster', resource: cluster, context: clusterTags(env), expected: 'deny' },
  ];
}

export function dataEngineerCases(env: Env, keyArn: string): AccessCase[] {
  return [
    ...zonePrefixes('landing').map((prefix) => key(env, 'allow', 's3:PutObject', `${prefix}sample_table/new.csv`)),
    ...zoneObjects().flatMap(({ key: objectKey }) => [key(env, 'allow', 's3:GetObject', objectKey)]),
    ...zoneObjects()
      .filter(({ zone }) => zone !== 'landing')
      .map(({ zone, key: objectKey }) => key(env, zone === 'warehouse' ? 'explicit-deny' : 'deny', 's3:PutObject', objectKey)),
    ...zoneObjects().map(({ zone, key: objectKey }) =>
      key(env, zone === 'warehouse' ? 'explicit-deny' : 'deny', 's3:DeleteObject', objectKey),
    ),
    ...dataZones().flatMap((zone) => zonePrefixes(zone).map((prefix) => listing(env, 'allow', prefix))),
    listing(env, 'deny', ''),
    listing(env, 'deny', s3Layout.emrLogsPrefix),
    key(env, 'deny', 's3:GetObject', s3Layout.configIniKey),
    key(env, 'deny', 's3:PutObject', hiveScript),
    key(env, 'deny', 's3:GetObject', s3Layout.stateFileKey),
    key(env, 'explicit-deny', 's3:PutObject', s3Layout.stateFileKey),
    key(env, 'deny', 's3:PutObject', resultObject),
    { action: 's3:PutObject', resource: `arn:aws:s3:::${getEnvironment(other(env)).bucket}/${landingObject}`, expected: 'deny' },
    { action: 'kms:GenerateDataKey', resource: keyArn, context: throughS3, expected: 'allow' },
    { action: 'kms:Decrypt', resource: keyArn, expected: 'deny' },
    { action: 'glue:GetTable', resource: glue(`table/${env}_stg_fact_db/sample_country_tx_fact`), expected: 'allow' },
    { action: 'glue:GetPartitions', resource: glue(`table/${env}_fact_db/sample_country_tx_fact`), expected: 'allow' },
    { action: 'glue:GetDatabase', resource: glue(`database/${env}_stg_dimension_db`), expected: 'allow' },
    { action: 'glue:GetTable', resource: glue(`table/${other(env)}_stg_fact_db/sample_country_tx_fact`), expected: 'deny' },
    { action: 'glue:CreateTable', resource: glue(`table/${env}_fact_db/new_table`), expected: 'deny' },
    { action: 'glue:DeletePartition', resource: glue(`table/${env}_fact_db/sample_country_tx_fact`), expected: 'deny' },
    { action: 'glue:GetTable', resource: glue('table/default/other'), expected: 'deny' },
    ...WORKFLOW_IDS.map((workflow) => ({
      action: 'states:StartExecution',
      resource: stateMachine(env, workflow),
      expected: 'deny' as const,
    })),
    { action: 'elasticmapreduce:RunJobFlow', resource: '*', expected: 'deny' },
    { action: 'athena:StartQueryExecution', resource: workgroup(env), expected: 'deny' },
    {
      action: 'lambda:InvokeFunction',
      resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:data-pipeline-${env}-launch-emr`,
      expected: 'deny',
    },
  ];
}

export function operatorCases(env: Env, keyArn: string): AccessCase[] {
  return [
    ...WORKFLOW_IDS.map((workflow) => ({
      action: 'states:StartExecution',
      resource: stateMachine(env, workflow),
      expected: 'allow' as const,
    })),
    { action: 'states:StartExecution', resource: stateMachine(other(env), 'fact-process'), expected: 'deny' },
    // S3's question before answering 404 for a missing state file: ListBucket, without a prefix.
    { action: 's3:ListBucket', resource: bucketArn(env), expected: 'allow' },
    listing(env, 'allow', s3Layout.stateFileKey),
    { action: 'states:ListExecutions', resource: stateMachine(env, 'master'), expected: 'allow' },
    { action: 'states:DescribeStateMachine', resource: stateMachine(env, 'fact-process'), expected: 'allow' },
    { action: 'states:ListStateMachines', resource: '*', expected: 'allow' },
    { action: 'states:DescribeExecution', resource: execution(env, 'master'), expected: 'allow' },
    { action: 'states:GetExecutionHistory', resource: execution(env, 'fact-process'), expected: 'allow' },
    { action: 'states:StopExecution', resource: execution(env, 'dimension-process'), expected: 'allow' },
    { action: 'states:StopExecution', resource: execution(other(env), 'master'), expected: 'deny' },
    { action: 'states:UpdateStateMachine', resource: stateMachine(env, 'master'), expected: 'deny' },
    { action: 'states:DeleteStateMachine', resource: stateMachine(env, 'master'), expected: 'deny' },
    { action: 'elasticmapreduce:ListClusters', resource: '*', expected: 'allow' },
    { action: 'elasticmapreduce:DescribeCluster', resource: cluster, context: clusterTags(env), expected: 'allow' },
    { action: 'elasticmapreduce:ListSteps', resource: cluster, context: clusterTags(env), expected: 'allow' },
    { action: 'elasticmapreduce:DescribeStep', resource: cluster, context: clusterTags(env), expected: 'allow' },
    { action: 'elasticmapreduce:ListInstanceFleets', resource: cluster, context: clusterTags(env), expected: 'allow' },
    { action: 'elasticmapreduce:DescribeCluster', resource: cluster, context: clusterTags(other(env)), expected: 'deny' },
    { action: 'elasticmapreduce:TerminateJobFlows', resource: cluster, context: clusterTags(env), expected: 'deny' },
    { action: 'elasticmapreduce:ModifyInstanceFleet', resource: cluster, context: clusterTags(env), expected: 'deny' },
    { action: 'elasticmapreduce:RunJobFlow', resource: '*', expected: 'deny' },
    key(env, 'allow', 's3:GetObject', s3Layout.stateFileKey),
    key(env, 'explicit-deny', 's3:PutObject', s3Layout.stateFileKey),
    key(env, 'explicit-deny', 's3:DeleteObject', s3Layout.stateFileKey),
    key(env, 'allow', 's3:GetObject', emrLog),
    listing(env, 'allow', `${s3Layout.emrLogsPrefix}j-2AXXXXXXGAPLF/`),
    listing(env, 'deny', zonePrefixes('warehouse')[0] as string),
    ...zoneObjects().flatMap(({ zone, key: objectKey }) => [
      key(env, 'deny', 's3:GetObject', objectKey),
      key(env, zone === 'warehouse' ? 'explicit-deny' : 'deny', 's3:PutObject', objectKey),
    ]),
    key(env, 'deny', 's3:GetObject', s3Layout.configIniKey),
    key(env, 'deny', 's3:PutObject', hiveScript),
    { action: 'kms:Decrypt', resource: keyArn, context: throughS3, expected: 'allow' },
    { action: 'kms:GenerateDataKey', resource: keyArn, context: throughS3, expected: 'deny' },
    {
      action: 'logs:FilterLogEvents',
      resource: logGroup(`/aws/lambda/data-pipeline-${env}-launch-emr`),
      expected: 'allow',
    },
    {
      action: 'logs:GetLogEvents',
      resource: `${logGroup(`/aws/vendedlogs/states/data-pipeline-${env}-master`)}:log-stream:states/master/1`,
      expected: 'allow',
    },
    { action: 'logs:FilterLogEvents', resource: logGroup('/aws/lambda/some-other-function'), expected: 'deny' },
    { action: 'logs:DeleteLogGroup', resource: logGroup(`/aws/lambda/data-pipeline-${env}-launch-emr`), expected: 'deny' },
    {
      action: 'lambda:InvokeFunction',
      resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:data-pipeline-${env}-terminate-emr`,
      expected: 'deny',
    },
  ];
}
