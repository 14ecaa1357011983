import { CLUSTER_APPLICATIONS, EMR_RELEASE_LABEL } from '../engine';
import type { EmrSettings, Environment, EnvironmentName } from './schema';

/**
 * What the pipeline needs of each environment, the same in every account: EMR sizing, poll intervals,
 * tags. What differs between accounts (account, region, subnets, addresses, schedule, QuickSight, who
 * may assume the people's roles) is read from environments/<env>.json (see ../settings/). The local
 * environment runs on this machine and is whole here.
 */

const project = 'data-pipeline';
const glueMetastoreFactory = 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory';

function baseTags(name: EnvironmentName): Record<string, string> {
  return { project, environment: name, owner: 'data-platform', 'managed-by': 'cdktf' };
}

/** The settings file supplies these. */
type AccountSpecific = 'region' | 'account' | 'bucket' | 'nameSuffix' | 'schedule' | 'notifications' | 'access' | 'quicksight';

export type PipelineDefinition = Omit<Environment, AccountSpecific | 'emr'> & { emr: Omit<EmrSettings, 'subnetIds'> };

export const pipelineDefinitions: Record<Exclude<EnvironmentName, 'local'>, PipelineDefinition> = {
  dev: {
    name: 'dev',
    emr: {
      releaseLabel: EMR_RELEASE_LABEL,
      applications: [...CLUSTER_APPLICATIONS],
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
      stepConcurrency: 2,
      clusterName: 'data-pipeline-dev',
      serviceRole: 'data-pipeline-dev-emr-service-role',
      instanceProfile: 'data-pipeline-dev-emr-instance-profile',
      metastoreFactoryClass: glueMetastoreFactory,
    },
    pollIntervals: { clusterStart: 60, step: 30, resize: 60, childWorkflow: 60, terminate: 60 },
    tags: baseTags('dev'),
  },
  prod: {
    name: 'prod',
    emr: {
      releaseLabel: EMR_RELEASE_LABEL,
      applications: [...CLUSTER_APPLICATIONS],
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
      stepConcurrency: 4,
      clusterName: 'data-pipeline-prod',
      serviceRole: 'data-pipeline-prod-emr-service-role',
      instanceProfile: 'data-pipeline-prod-emr-instance-profile',
      metastoreFactoryClass: glueMetastoreFactory,
    },
    pollIntervals: { clusterStart: 60, step: 30, resize: 60, childWorkflow: 60, terminate: 60 },
    tags: baseTags('prod'),
  },
};

export const localDefinition: Environment = {
  name: 'local',
  region: 'us-east-1',
  bucket: 'data-pipeline-local-work-area',
  emr: {
    releaseLabel: EMR_RELEASE_LABEL,
    applications: [...CLUSTER_APPLICATIONS],
    masterInstanceTypes: ['m5.xlarge'],
    workerInstanceTypes: ['m5.xlarge'],
    onDemandWorkers: 1,
    spot: { workers: 1, incrementWorkers: 1, pricePctOfOnDemand: 100, timeoutMinutes: 5, timeoutAction: 'SWITCH_TO_ON_DEMAND' },
    idleTimeoutSeconds: 600,
    stepConcurrency: 2,
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
};
