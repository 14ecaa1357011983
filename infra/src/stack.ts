import { fileURLToPath } from 'node:url';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { type Environment, s3Layout, WORKFLOWS_ROOT } from '@data-pipeline/model';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { bucketGuards, stateFileWriters } from './access/bucket-guards';
import { PeopleAccess } from './access/people-access';
import { analystGrants, type PeopleTargets } from './access/people-grants';
import { EMR_LOGS_PREFIX, stagingDatabases, warehouseDatabases } from './access/zones';
import { Analytics } from './analytics/athena-workgroup';
import { isQuicksightEnabled, QuicksightReporting } from './analytics/quicksight';
import { configureBackend } from './backend';
import { GlueCatalog } from './catalog/glue-catalog';
import { PipelineFunctions, TARGET_FOLDER_KEY } from './compute/pipeline-functions';
import type { StackContext } from './context';
import type { DeploymentSettings } from './deployment';
import { Alarms } from './monitoring/alarms';
import { StatusTopic } from './notification/status-topic';
import { stateMachineName } from './orchestration/workflow-references';
import { Workflows } from './orchestration/workflows';
import { addOutputs } from './outputs';
import { MasterSchedule } from './scheduling/master-schedule';
import { deployedEnvironment, EmrAccess } from './security/emr-access';
import { lambdaStatements, type PermissionTargets, statementsOf } from './security/permissions';
import { PipelineKey } from './security/pipeline-key';
import { ATHENA_RESULTS_PREFIX } from './storage/lifecycle';
import { PipelineObjects } from './storage/pipeline-objects';
import { WorkAreaBucket } from './storage/work-area-bucket';

export interface DataPipelineStackProps {
  environment: Environment;
  deployment: DeploymentSettings;
  /** packages/lambdas of the repository (bundles are read from <name>/dist). */
  lambdasRoot?: string;
  /** The repository root (hive/scripts are read from there). */
  repositoryRoot?: string;
  /** Where the Lambda zips are written (content-addressed). */
  packageCache?: string;
}

export function defaultRepositoryRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** One environment of the pipeline: every AWS resource, composed from the domain constructs. */
export class DataPipelineStack extends TerraformStack {
  readonly context: StackContext;
  readonly bucket: WorkAreaBucket;
  readonly functions: PipelineFunctions;
  readonly workflows: Workflows;

  constructor(scope: Construct, id: string, props: DataPipelineStackProps) {
    super(scope, id);
    const env = deployedEnvironment(props.environment);
    new AwsProvider(this, 'aws', {
      region: env.region,
      defaultTags: [{ tags: env.tags }],
      ...(env.account ? { allowedAccountIds: [env.account] } : {}),
    });
    configureBackend(this, props.deployment.backend);
    const partition = new DataAwsPartition(this, 'partition');
    const account = env.account ?? new DataAwsCallerIdentity(this, 'caller').accountId;
    const context: StackContext = { env, deployment: props.deployment, account, partition: partition.partition, region: env.region };
    this.context = context;

    const key = new PipelineKey(this, 'security', context);
    const keyArn = key.key.arn;
    this.bucket = new WorkAreaBucket(this, 'storage', context, keyArn);
    const bucketName = this.bucket.bucket.bucket;
    new PipelineObjects(this, 'objects', env, {
      bucket: this.bucket.bucket.id,
      keyArn,
      repositoryRoot: props.repositoryRoot ?? defaultRepositoryRoot(),
    });
    const catalog = new GlueCatalog(this, 'catalog', env, bucketName);
    const analytics = new Analytics(this, 'analytics', context, { bucket: bucketName, keyArn });
    const topic = new StatusTopic(this, 'notification', context, keyArn);
    const emr = new EmrAccess(this, 'emr', context, keyArn);
    this.functions = new PipelineFunctions(this, 'compute', context, {
      bucket: bucketName,
      topicArn: topic.topic.arn,
      keyArn,
      lambdasRoot: props.lambdasRoot,
      packageCache: props.packageCache,
    });
    this.workflows = new Workflows(this, 'orchestration', context, { aliasArns: this.functions.aliasArns(), bucket: bucketName, keyArn });

    const targets: PermissionTargets = {
      partition: context.partition,
      region: context.region,
      account,
      environment: env.tags.environment ?? env.name,
      bucketArn: this.bucket.bucket.arn,
      configKey: s3Layout.configIniKey,
      stateKey: s3Layout.stateFileKey,
      targetFolderKey: TARGET_FOLDER_KEY,
      dataPrefix: `${WORKFLOWS_ROOT}/`,
      keyArn,
      topicArn: topic.topic.arn,
      stateMachineArns: WORKFLOW_IDS.map((workflow) => this.workflows.get(workflow).stateMachine.arn),
      stateMachineNames: WORKFLOW_IDS.map((workflow) => stateMachineName(env, workflow)),
      emrServiceRoleArn: emr.serviceRole.role.arn,
      emrInstanceRoleArn: emr.instanceRole.role.arn,
      glueDatabases: catalog.databaseNames,
    };
    for (const fn of this.functions.all) fn.role.attachPolicy(lambdaStatements(fn.lambda, targets, fn.logGroup.arn));
    emr.grant(targets);

    const people = new PeopleAccess(this, 'access', context);
    const peopleTargets: PeopleTargets = {
      partition: targets.partition,
      region: targets.region,
      account,
      environment: targets.environment,
      bucketArn: targets.bucketArn,
      keyArn,
      workgroupArn: analytics.workgroup.arn,
      athenaResultsPrefix: ATHENA_RESULTS_PREFIX,
      stateKey: s3Layout.stateFileKey,
      emrLogsPrefix: EMR_LOGS_PREFIX,
      stateMachineArns: targets.stateMachineArns,
      stateMachineNames: targets.stateMachineNames,
      logGroupArns: [
        ...this.functions.all.map((fn) => fn.logGroup.arn),
        ...WORKFLOW_IDS.map((workflow) => this.workflows.get(workflow).logGroup.arn),
      ],
      databases: { staging: stagingDatabases(env), warehouse: warehouseDatabases(env) },
    };
    people.grant(peopleTargets);
    const writers = new Set(stateFileWriters());
    this.bucket.applyPolicy(
      // People who land files or read the state file and logs do it from their machines, not from the cluster's VPC.
      [...this.functions.all.map((fn) => fn.role.role.arn), people.arnOf('data-engineer'), people.arnOf('operator')],
      bucketGuards({
        emrInstanceRoleArn: emr.instanceRole.role.arn,
        stateFileWriterArns: this.functions.all.filter((fn) => writers.has(fn.lambda)).map((fn) => fn.role.role.arn),
        stateKey: s3Layout.stateFileKey,
      }),
    );
    if (isQuicksightEnabled(env)) {
      new QuicksightReporting(this, 'reporting', context, env.quicksight, {
        workgroupName: analytics.workgroup.name,
        serviceRoleStatements: statementsOf(analystGrants, peopleTargets),
      });
    }

    const masterArn = this.workflows.master.stateMachine.arn;
    new MasterSchedule(this, 'scheduling', context, masterArn);
    new Alarms(this, 'monitoring', context, {
      topicArn: topic.topic.arn,
      masterArn,
      terminateArn: this.workflows.get('terminate-emr-cluster').stateMachine.arn,
      functions: this.functions.all,
    });
    addOutputs(this, { bucket: this.bucket, topic, workflows: this.workflows, functions: this.functions, people });
  }
}
