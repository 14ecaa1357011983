import type { Environment, EnvironmentName } from './schema';

/**
 * The one place to change an environment. Validated when the model loads (see ./index.ts).
 * Subnet ids of dev and prod are those of the target account's private subnets: set them before deploying.
 * `access` names who may assume the analyst, data engineer and operator roles (IAM principal ARNs and/or IAM
 * Identity Center permission sets); left out, each role trusts the account's principals signed in with MFA.
 * `quicksight` is on in prod only: it needs the account's QuickSight subscription and the group.
 */

const project = 'data-pipeline';
const glueMetastoreFactory = 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory';

function baseTags(name: EnvironmentName): Record<string, string> {
  return { project, environment: name, owner: 'data-platform', 'managed-by': 'cdktf' };
}

export const environmentDefinitions: Record<EnvironmentName, Environment> = {
  dev: {
    name: 'dev',
    region: 'us-east-1',
    bucket: 'data-pipeline-dev-work-area',
    emr: {
      releaseLabel: 'emr-7.5.0',
      applications: ['Hadoop', 'Hive', 'Spark'],
      masterInstanceTypes: ['m5.xlarge', 'm5a.xlarge', 'm6i.xlarge'],
      workerInstanceTypes: ['m5.xlarge', 'm5a.xlarge', 'm6i.xlarge'],
      onDemandWorkers: 1,
      spot: {
        workers: 1,
        incrementWorkers: 1,
        pricePctOfOnDemand: 60,
        timeoutMinutes: 10,
        timeoutAction: 'SWITCH_TO_ON_DEMAND',
        allocationStrategy: 'price-capacity-optimized',
      },
      idleTimeoutSeconds: 1800,
      stepConcurrency: 1,
      clusterName: 'data-pipeline-dev',
      subnetIds: ['subnet-0de000000000000a1', 'subnet-0de000000000000b1'],
      serviceRole: 'data-pipeline-dev-emr-service-role',
      instanceProfile: 'data-pipeline-dev-emr-instance-profile',
      metastoreFactoryClass: glueMetastoreFactory,
    },
    schedule: { expression: 'cron(0 3 * * ? *)', enabled: false },
    notifications: { emails: ['data-platform-dev@example.com'] },
    pollIntervals: { clusterStart: 60, step: 30, resize: 60, childWorkflow: 60, terminate: 60 },
    tags: baseTags('dev'),
    quicksight: { enabled: false, group: 'data-pipeline-dev-readers' },
  },
  prod: {
    name: 'prod',
    region: 'us-east-1',
    bucket: 'data-pipeline-prod-work-area',
    emr: {
      releaseLabel: 'emr-7.5.0',
      applications: ['Hadoop', 'Hive', 'Spark'],
      masterInstanceTypes: ['m5.xlarge', 'm5a.xlarge', 'm6i.xlarge'],
      workerInstanceTypes: ['r5.2xlarge', 'r5a.2xlarge', 'r6i.2xlarge', 'm5.2xlarge'],
      onDemandWorkers: 2,
      spot: {
        workers: 2,
        incrementWorkers: 4,
        pricePctOfOnDemand: 70,
        timeoutMinutes: 15,
        timeoutAction: 'SWITCH_TO_ON_DEMAND',
        allocationStrategy: 'price-capacity-optimized',
      },
      idleTimeoutSeconds: 3600,
      stepConcurrency: 1,
      clusterName: 'data-pipeline-prod',
      subnetIds: ['subnet-0ff000000000000a1', 'subnet-0ff000000000000b1'],
      serviceRole: 'data-pipeline-prod-emr-service-role',
      instanceProfile: 'data-pipeline-prod-emr-instance-profile',
      metastoreFactoryClass: glueMetastoreFactory,
    },
    schedule: { expression: 'cron(0 2 * * ? *)', enabled: true },
    notifications: { emails: ['data-platform@example.com'] },
    pollIntervals: { clusterStart: 60, step: 30, resize: 60, childWorkflow: 60, terminate: 60 },
    tags: baseTags('prod'),
    quicksight: { enabled: true, group: 'data-pipeline-readers' },
  },
  local: {
    name: 'local',
    region: 'us-east-1',
    bucket: 'data-pipeline-local-work-area',
    emr: {
      releaseLabel: 'emr-7.5.0',
      applications: ['Hadoop', 'Hive', 'Spark'],
      masterInstanceTypes: ['m5.xlarge'],
      workerInstanceTypes: ['m5.xlarge'],
      onDemandWorkers: 1,
      spot: { workers: 1, incrementWorkers: 1, pricePctOfOnDemand: 100, timeoutMinutes: 5, timeoutAction: 'SWITCH_TO_ON_DEMAND' },
      idleTimeoutSeconds: 600,
      stepConcurrency: 1,
      clusterName: 'data-pipeline-local',
      subnetIds: ['subnet-local0a'],
      serviceRole: 'data-pipeline-local-emr-service-role',
      instanceProfile: 'data-pipeline-local-emr-instance-profile',
      metastoreFactoryClass: glueMetastoreFactory,
    },
    schedule: { expression: 'rate(1 day)', enabled: false },
    notifications: { emails: [] },
    pollIntervals: { clusterStart: 1, step: 1, resize: 1, childWorkflow: 1, terminate: 1 },
    tags: baseTags('local'),
  },
};
