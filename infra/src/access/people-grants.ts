import { PIPELINE_TAG } from '../naming';
import type { Grant } from '../security/permissions';
import { allZonePrefixes, zonePrefixes } from './zones';

/**
 * THE table of what people may do, per role: the actions and the resources, like the pipeline's own table in
 * security/permissions.ts. Resources are computed from `PeopleTargets` (Terraform references in the stack,
 * plain ARNs in unit tests). What a role is not granted it cannot do; the bucket policy adds the denials no
 * role may escape (storage/bucket-policy.ts).
 */

export const PERSON_ROLES = ['analyst', 'data-engineer', 'operator'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface PeopleTargets {
  partition: string;
  region: string;
  account: string;
  /** Value of the `environment` tag of this environment's clusters. */
  environment: string;
  bucketArn: string;
  keyArn: string;
  /** The environment's Athena workgroup. */
  workgroupArn: string;
  /** Where the workgroup writes query results (ending with '/'). */
  athenaResultsPrefix: string;
  stateKey: string;
  emrLogsPrefix: string;
  stateMachineArns: string[];
  stateMachineNames: string[];
  /** The log groups of the Lambdas and the state machines. */
  logGroupArns: string[];
  /** The environment's Glue databases (zones.ts: dev_stg_fact_db, dev_fact_db, …). */
  databases: { staging: string[]; warehouse: string[] };
}

const objectArns = (t: PeopleTargets, prefixes: string[]) => prefixes.map((prefix) => `${t.bucketArn}/${prefix}*`);
const listingOf = (prefixes: string[]) => ({ StringLike: { 's3:prefix': prefixes.flatMap((prefix) => [prefix, `${prefix}*`]) } });
const glueArn = (t: PeopleTargets, path: string) => `arn:${t.partition}:glue:${t.region}:${t.account}:${path}`;
const glueResources = (t: PeopleTargets, databases: string[]) => [
  glueArn(t, 'catalog'),
  ...databases.map((database) => glueArn(t, `database/${database}`)),
  ...databases.map((database) => glueArn(t, `table/${database}/*`)),
];
const clusterArns = (t: PeopleTargets) => [`arn:${t.partition}:elasticmapreduce:${t.region}:${t.account}:cluster/*`];
const executionArns = (t: PeopleTargets) =>
  t.stateMachineNames.map((name) => `arn:${t.partition}:states:${t.region}:${t.account}:execution:${name}:*`);

/** KMS only as S3 uses it for the caller (SSE-KMS objects of the bucket), never directly. */
const throughS3 = (t: PeopleTargets) => ({ StringEquals: { 'kms:ViaService': `s3.${t.region}.amazonaws.com` } });

const glueReadActions = [
  'glue:GetDatabase',
  'glue:GetDatabases',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
];

const locateBucket: Grant<PeopleTargets> = { sid: 'LocateWorkArea', actions: ['s3:GetBucketLocation'], resources: (t) => [t.bucketArn] };

/** Query the warehouse through the workgroup: Athena, the warehouse's Glue databases and objects, the results prefix. */
export const analystGrants: Grant<PeopleTargets>[] = [
  {
    sid: 'QueryInWorkgroup',
    actions: [
      'athena:StartQueryExecution',
      'athena:StopQueryExecution',
      'athena:GetQueryExecution',
      'athena:GetQueryResults',
      'athena:GetQueryResultsStream',
      'athena:GetQueryRuntimeStatistics',
      'athena:BatchGetQueryExecution',
      'athena:ListQueryExecutions',
      'athena:GetWorkGroup',
    ],
    resources: (t) => [t.workgroupArn],
  },
  {
    sid: 'BrowseDataCatalog',
    actions: ['athena:GetDataCatalog', 'athena:ListDatabases', 'athena:GetDatabase', 'athena:ListTableMetadata', 'athena:GetTableMetadata'],
    resources: (t) => [`arn:${t.partition}:athena:${t.region}:${t.account}:datacatalog/AwsDataCatalog`],
  },
  { sid: 'ListWorkgroups', actions: ['athena:ListWorkGroups'], resources: () => ['*'] },
  { sid: 'ReadWarehouseCatalog', actions: glueReadActions, resources: (t) => glueResources(t, t.databases.warehouse) },
  locateBucket,
  {
    sid: 'ListWarehouseAndResults',
    actions: ['s3:ListBucket'],
    resources: (t) => [t.bucketArn],
    condition: (t) => listingOf([...zonePrefixes('warehouse'), t.athenaResultsPrefix]),
  },
  { sid: 'ReadWarehouse', actions: ['s3:GetObject'], resources: (t) => objectArns(t, zonePrefixes('warehouse')) },
  {
    sid: 'WriteQueryResults',
    actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
    resources: (t) => objectArns(t, [t.athenaResultsPrefix]),
  },
  { sid: 'UseKeyThroughS3', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: (t) => [t.keyArn], condition: throughS3 },
];

/** Land files, read every zone and the whole catalog; start nothing. */
export const dataEngineerGrants: Grant<PeopleTargets>[] = [
  locateBucket,
  { sid: 'ListZones', actions: ['s3:ListBucket'], resources: (t) => [t.bucketArn], condition: () => listingOf(allZonePrefixes()) },
  { sid: 'ReadZones', actions: ['s3:GetObject'], resources: (t) => objectArns(t, allZonePrefixes()) },
  {
    sid: 'LandFiles',
    actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
    resources: (t) => objectArns(t, zonePrefixes('landing')),
  },
  { sid: 'UseKeyThroughS3', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: (t) => [t.keyArn], condition: throughS3 },
  {
    sid: 'ReadCatalog',
    actions: glueReadActions,
    resources: (t) => glueResources(t, [...t.databases.staging, ...t.databases.warehouse]),
  },
];

/** What the operators' CLI does: run and stop this environment's workflows, follow them, inspect the cluster, read state and logs. */
export const operatorGrants: Grant<PeopleTargets>[] = [
  {
    sid: 'RunWorkflows',
    actions: ['states:StartExecution', 'states:DescribeStateMachine', 'states:ListExecutions'],
    resources: (t) => t.stateMachineArns,
  },
  {
    sid: 'FollowExecutions',
    actions: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'],
    resources: executionArns,
  },
  { sid: 'ListStateMachines', actions: ['states:ListStateMachines'], resources: () => ['*'] },
  { sid: 'ListClusters', actions: ['elasticmapreduce:ListClusters'], resources: () => ['*'] },
  {
    sid: 'InspectCluster',
    actions: [
      'elasticmapreduce:DescribeCluster',
      'elasticmapreduce:ListInstanceFleets',
      'elasticmapreduce:ListInstances',
      'elasticmapreduce:ListSteps',
      'elasticmapreduce:DescribeStep',
    ],
    resources: clusterArns,
    condition: (t) => ({
      StringEquals: { [`aws:ResourceTag/${PIPELINE_TAG.key}`]: PIPELINE_TAG.value, 'aws:ResourceTag/environment': t.environment },
    }),
  },
  { sid: 'ReadStateFile', actions: ['s3:GetObject'], resources: (t) => [`${t.bucketArn}/${t.stateKey}`] },
  // A missing state file reads as 403 instead of 404 without s3:ListBucket on the bucket; S3 asks without a prefix.
  {
    sid: 'TellMissingStateFile',
    actions: ['s3:ListBucket'],
    resources: (t) => [t.bucketArn],
    condition: (t) => ({ StringEqualsIfExists: { 's3:prefix': t.stateKey } }),
  },
  {
    sid: 'ListClusterLogs',
    actions: ['s3:ListBucket'],
    resources: (t) => [t.bucketArn],
    condition: (t) => listingOf([t.emrLogsPrefix]),
  },
  { sid: 'ReadClusterLogs', actions: ['s3:GetObject'], resources: (t) => objectArns(t, [t.emrLogsPrefix]) },
  { sid: 'DecryptThroughS3', actions: ['kms:Decrypt'], resources: (t) => [t.keyArn], condition: throughS3 },
  {
    sid: 'ReadPipelineLogs',
    actions: ['logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents'],
    resources: (t) => t.logGroupArns.flatMap((arn) => [arn, `${arn}:*`]),
  },
];

export const peopleGrants: Record<PersonRole, Grant<PeopleTargets>[]> = {
  analyst: analystGrants,
  'data-engineer': dataEngineerGrants,
  operator: operatorGrants,
};
