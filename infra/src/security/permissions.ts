import { s3Layout } from '@data-pipeline/model';
import type { LambdaName } from '../compute/lambdas';
import { PIPELINE_TAG } from '../naming';
import type { Condition, PolicyStatement } from './policy-document';

/**
 * THE table of who may do what: every action of every Lambda, of the Step Functions role, of the
 * EventBridge role and of the EMR roles, on the resources it touches. Resources are computed from
 * `PermissionTargets` (Terraform references in the stack, plain ARNs in unit tests).
 */

export interface PermissionTargets {
  partition: string;
  region: string;
  account: string;
  /** Value of the `environment` tag of this environment's clusters. */
  environment: string;
  bucketArn: string;
  configKey: string;
  stateKey: string;
  /** Folder (ending with '/') that delete-all-objects-in-s3folder empties. */
  targetFolderKey: string;
  /** Prefix (ending with '/') under which EMR reads and writes. */
  dataPrefix: string;
  keyArn: string;
  topicArn: string;
  /** This environment's state machines: ARNs and names (names build execution ARNs). */
  stateMachineArns: string[];
  stateMachineNames: string[];
  emrServiceRoleArn: string;
  emrInstanceRoleArn: string;
  /** The four Glue databases of the pipeline. */
  glueDatabases: string[];
}

export interface Grant<T = PermissionTargets> {
  sid: string;
  actions: string[];
  resources: (t: T) => string[];
  condition?: (t: T) => Condition;
}

const objectArn = (t: PermissionTargets, key: string) => `${t.bucketArn}/${key}`;
const clusterArns = (t: PermissionTargets) => [`arn:${t.partition}:elasticmapreduce:${t.region}:${t.account}:cluster/*`];
const executionArns = (t: PermissionTargets) =>
  t.stateMachineNames.map((name) => `arn:${t.partition}:states:${t.region}:${t.account}:execution:${name}:*`);
const glueArn = (t: PermissionTargets, path: string) => `arn:${t.partition}:glue:${t.region}:${t.account}:${path}`;

/** Only clusters tagged pipeline=data-pipeline and with this environment. */
const taggedCluster = (t: PermissionTargets): Condition => ({
  StringEquals: { [`aws:ResourceTag/${PIPELINE_TAG.key}`]: PIPELINE_TAG.value, 'aws:ResourceTag/environment': t.environment },
});
/** Only requests that tag the new cluster pipeline=data-pipeline and with this environment. */
const taggingRequest = (t: PermissionTargets): Condition => ({
  StringEquals: { [`aws:RequestTag/${PIPELINE_TAG.key}`]: PIPELINE_TAG.value, 'aws:RequestTag/environment': t.environment },
});

const emrOnTaggedClusters = (sid: string, actions: string[]): Grant => ({ sid, actions, resources: clusterArns, condition: taggedCluster });

/**
 * Without s3:ListBucket on the bucket, S3 answers a GetObject of a missing key with 403, not 404: a
 * missing state file (nothing recorded, a normal case) would read as a permission problem. S3 asks
 * that question without a prefix (IfExists lets it through); an actual listing may name the state file only.
 */
export const tellMissingStateFile: Grant = {
  sid: 'TellMissingStateFile',
  actions: ['s3:ListBucket'],
  resources: (t) => [t.bucketArn],
  condition: (t) => ({ StringEqualsIfExists: { 's3:prefix': t.stateKey } }),
};

/** Grants every Lambda has: read config.ini, decrypt with the environment's key, traces (its own log group: lambdaStatements). */
export const commonLambdaGrants: Grant[] = [
  { sid: 'ReadConfigIni', actions: ['s3:GetObject'], resources: (t) => [objectArn(t, t.configKey)] },
  { sid: 'DecryptWithPipelineKey', actions: ['kms:Decrypt'], resources: (t) => [t.keyArn] },
  { sid: 'SendTraces', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: () => ['*'] },
];

/** Each Lambda's own grants: only the actions it calls, on only the resources it touches. */
export const lambdaGrants: Record<LambdaName, Grant[]> = {
  'launch-emr': [
    { sid: 'LaunchTaggedCluster', actions: ['elasticmapreduce:RunJobFlow'], resources: () => ['*'], condition: taggingRequest },
    { sid: 'TagNewCluster', actions: ['elasticmapreduce:AddTags'], resources: clusterArns, condition: taggingRequest },
    {
      sid: 'PassEmrServiceRole',
      actions: ['iam:PassRole'],
      resources: (t) => [t.emrServiceRoleArn],
      condition: () => ({ StringEquals: { 'iam:PassedToService': 'elasticmapreduce.amazonaws.com' } }),
    },
    {
      sid: 'PassEmrInstanceRole',
      actions: ['iam:PassRole'],
      resources: (t) => [t.emrInstanceRoleArn],
      condition: () => ({ StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } }),
    },
  ],
  'check-duplicate-emr': [{ sid: 'ListClusters', actions: ['elasticmapreduce:ListClusters'], resources: () => ['*'] }],
  'status-emr': [emrOnTaggedClusters('DescribeCluster', ['elasticmapreduce:DescribeCluster'])],
  'add-worker-instances-emr': [
    emrOnTaggedClusters('ResizeWorkerFleet', [
      'elasticmapreduce:ListInstanceFleets',
      'elasticmapreduce:ListInstances',
      'elasticmapreduce:ModifyInstanceFleet',
    ]),
  ],
  'status-add-worker-instances-emr': [emrOnTaggedClusters('ListInstanceFleets', ['elasticmapreduce:ListInstanceFleets'])],
  'terminate-emr': [emrOnTaggedClusters('TerminateCluster', ['elasticmapreduce:TerminateJobFlows'])],
  'submit-cmd-run-step-emr': [emrOnTaggedClusters('AddStep', ['elasticmapreduce:AddJobFlowSteps'])],
  'status-step-emr': [emrOnTaggedClusters('DescribeStep', ['elasticmapreduce:DescribeStep'])],
  'write-state-info-to-s3': [
    { sid: 'WriteStateFile', actions: ['s3:PutObject', 's3:GetObject'], resources: (t) => [objectArn(t, t.stateKey)] },
    { sid: 'EncryptStateFile', actions: ['kms:GenerateDataKey'], resources: (t) => [t.keyArn] },
  ],
  'read-state-info-from-s3': [
    { sid: 'ReadStateFile', actions: ['s3:GetObject'], resources: (t) => [objectArn(t, t.stateKey)] },
    tellMissingStateFile,
  ],
  'remove-state-info-from-s3': [
    { sid: 'RemoveStateFile', actions: ['s3:GetObject', 's3:DeleteObject'], resources: (t) => [objectArn(t, t.stateKey)] },
    tellMissingStateFile,
  ],
  'delete-all-objects-in-s3folder': [
    {
      sid: 'ListTargetFolder',
      actions: ['s3:ListBucket'],
      resources: (t) => [t.bucketArn],
      condition: (t) => ({ StringLike: { 's3:prefix': [t.targetFolderKey, `${t.targetFolderKey}*`] } }),
    },
    { sid: 'DeleteInTargetFolder', actions: ['s3:DeleteObject'], resources: (t) => [objectArn(t, `${t.targetFolderKey}*`)] },
  ],
  'check-landed-files': [
    {
      sid: 'ListLandingAndStaging',
      actions: ['s3:ListBucket'],
      resources: (t) => [t.bucketArn],
      condition: () => ({ StringLike: { 's3:prefix': [`${s3Layout.landingRoot}*`, `${s3Layout.stageRoot}*`] } }),
    },
  ],
  'stage-landed-files': [
    {
      sid: 'ListLandingAndStaging',
      actions: ['s3:ListBucket'],
      resources: (t) => [t.bucketArn],
      condition: () => ({ StringLike: { 's3:prefix': [`${s3Layout.landingRoot}*`, `${s3Layout.stageRoot}*`] } }),
    },
    {
      sid: 'ReadAndRemoveLandedFiles',
      actions: ['s3:GetObject', 's3:DeleteObject'],
      resources: (t) => [objectArn(t, `${s3Layout.landingRoot}*`)],
    },
    {
      sid: 'WriteStagedAndQuarantinedFiles',
      actions: ['s3:PutObject'],
      resources: (t) => [objectArn(t, `${s3Layout.stageRoot}*`), objectArn(t, `${s3Layout.quarantineRoot}*`)],
    },
    {
      sid: 'ReadStagedAndArchivedFiles',
      actions: ['s3:GetObject'],
      resources: (t) => [objectArn(t, `${s3Layout.stageRoot}*`), objectArn(t, `${s3Layout.archiveRoot}*`)],
    },
    { sid: 'EncryptStagedFiles', actions: ['kms:GenerateDataKey'], resources: (t) => [t.keyArn] },
  ],
  'submit-stepfunction': [{ sid: 'StartPipelineWorkflows', actions: ['states:StartExecution'], resources: (t) => t.stateMachineArns }],
  'status-stepfunction': [{ sid: 'DescribePipelineExecutions', actions: ['states:DescribeExecution'], resources: executionArns }],
  'check-duplicate-stepfunction': [
    { sid: 'ListStateMachines', actions: ['states:ListStateMachines'], resources: () => ['*'] },
    { sid: 'ListPipelineExecutions', actions: ['states:ListExecutions'], resources: (t) => t.stateMachineArns },
  ],
  'send-msg-sns': [
    { sid: 'PublishToTopic', actions: ['sns:Publish'], resources: (t) => [t.topicArn] },
    { sid: 'EncryptForTopic', actions: ['kms:GenerateDataKey'], resources: (t) => [t.keyArn] },
  ],
};

/** The Step Functions role: invoke the Lambda aliases; vended logs and X-Ray (both "*" only). */
export function stateMachineGrants(aliasArns: string[]): Grant<void>[] {
  return [
    { sid: 'InvokePipelineLambdas', actions: ['lambda:InvokeFunction'], resources: () => aliasArns },
    {
      sid: 'DeliverLogs',
      actions: [
        'logs:CreateLogDelivery',
        'logs:GetLogDelivery',
        'logs:UpdateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:DescribeResourcePolicies',
        'logs:DescribeLogGroups',
      ],
      resources: () => ['*'],
    },
    {
      sid: 'SendTraces',
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
      resources: () => ['*'],
    },
  ];
}

/** The EventBridge role: start the Master state machine, nothing else. */
export function scheduleGrants(masterArn: string): Grant<void>[] {
  return [{ sid: 'StartMaster', actions: ['states:StartExecution'], resources: () => [masterArn] }];
}

/**
 * The EMR service role's own statements beside AWS's AmazonEMRServicePolicy_v2: pass the instance role to
 * EC2, and use the pipeline key for encrypted EBS volumes (grants only for AWS resources).
 */
export const emrServiceRoleGrants: Grant[] = [
  {
    sid: 'PassInstanceRoleToEc2',
    actions: ['iam:PassRole'],
    resources: (t) => [t.emrInstanceRoleArn],
    condition: () => ({ StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } }),
  },
  {
    sid: 'EncryptEbsVolumes',
    actions: [
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:DescribeKey',
    ],
    resources: (t) => [t.keyArn],
  },
  {
    sid: 'GrantEbsVolumeAccess',
    actions: ['kms:CreateGrant'],
    resources: (t) => [t.keyArn],
    condition: () => ({ Bool: { 'kms:GrantIsForAWSResource': true } }),
  },
];

const glueReadActions = ['glue:GetDatabase', 'glue:GetDatabases', 'glue:GetUserDefinedFunctions'];
const glueTableActions = [
  'glue:GetTable',
  'glue:GetTables',
  'glue:CreateTable',
  'glue:UpdateTable',
  'glue:DeleteTable',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
  'glue:CreatePartition',
  'glue:BatchCreatePartition',
  'glue:UpdatePartition',
  'glue:DeletePartition',
  'glue:BatchDeletePartition',
];

/** The EMR EC2 instance role: this bucket's data prefix, these Glue databases, the environment's key. */
export const emrInstanceRoleGrants: Grant[] = [
  {
    sid: 'ListWorkArea',
    actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
    resources: (t) => [t.bucketArn],
  },
  {
    sid: 'ReadWriteWorkArea',
    actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
    resources: (t) => [objectArn(t, `${t.dataPrefix}*`)],
  },
  {
    sid: 'ReadCatalog',
    actions: glueReadActions,
    resources: (t) => [
      glueArn(t, 'catalog'),
      glueArn(t, 'database/default'),
      ...t.glueDatabases.map((database) => glueArn(t, `database/${database}`)),
    ],
  },
  {
    sid: 'ManagePipelineTables',
    actions: glueTableActions,
    resources: (t) => [
      glueArn(t, 'catalog'),
      ...t.glueDatabases.map((database) => glueArn(t, `database/${database}`)),
      ...t.glueDatabases.map((database) => glueArn(t, `table/${database}/*`)),
    ],
  },
  {
    sid: 'UsePipelineKey',
    actions: [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
      'kms:DescribeKey',
    ],
    resources: (t) => [t.keyArn],
  },
];

/** The grants rendered as policy statements for the targets. */
export function statementsOf<T>(grants: Grant<T>[], targets: T): PolicyStatement[] {
  return grants.map((grant) => {
    const statement: PolicyStatement = { Sid: grant.sid, Effect: 'Allow', Action: [...grant.actions], Resource: grant.resources(targets) };
    if (grant.condition) statement.Condition = grant.condition(targets);
    return statement;
  });
}

/** Every statement of a Lambda's role: its own grants, the common ones and writing to its log group. */
export function lambdaStatements(lambda: LambdaName, targets: PermissionTargets, logGroupArn: string): PolicyStatement[] {
  const logGrant: Grant = {
    sid: 'WriteOwnLogs',
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: () => [`${logGroupArn}:*`],
  };
  return statementsOf([...lambdaGrants[lambda], ...commonLambdaGrants, logGrant], targets);
}
