// The RunJobFlow request for the pipeline's cluster, derived from config.ini and the model's pipeline tag (a pure function).
import type {
  Configuration,
  InstanceFleetConfig,
  InstanceFleetProvisioningSpecifications,
  RunJobFlowCommandInput,
  SpotProvisioningSpecification,
  Tag,
} from '@aws-sdk/client-emr';
import type { PipelineConfig } from '@data-pipeline/core';
// The engine and naming modules alone: the model's index would bundle the environments and tables too.
import { LOAD_PROGRAM } from '@data-pipeline/model/engine';
import { PIPELINE_TAG } from '@data-pipeline/model/naming';
import { ClusterSpecificationError } from './errors';

/** The Hive metastore client Spark (and Hive, when installed) uses: the Glue Data Catalog. */
export const METASTORE_FACTORY_PROPERTY = 'hive.metastore.client.factory.class';

/**
 * The classification that points each application at the metastore: spark-hive-site for Spark SQL
 * (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-spark-glue.html), hive-site for Hive
 * (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hive-metastore-glue.html). Only the installed
 * applications' classifications are sent.
 */
const METASTORE_CLASSIFICATIONS = [
  { application: 'Hive', classification: 'hive-site' },
  { application: 'Spark', classification: 'spark-hive-site' },
] as const;

export function buildRunJobFlowInput(config: PipelineConfig): RunJobFlowCommandInput {
  const { basic, access, cluster } = config;
  const input: RunJobFlowCommandInput = {
    Name: basic.emr_name,
    LogUri: basic.log_on_s3,
    ReleaseLabel: basic.emr_version,
    Applications: basic.emr_applications.map((Name) => ({ Name })),
    Configurations: metastoreConfigurations(basic.emr_applications, config.metastore.metastore_factory_class),
    Instances: {
      Ec2SubnetIds: [...access.subnet_id],
      ...(access.ec2_keypair_name === undefined ? {} : { Ec2KeyName: access.ec2_keypair_name }),
      KeepJobFlowAliveWhenNoSteps: true,
      TerminationProtected: false,
      InstanceFleets: [masterFleet(config), coreFleet(config)],
    },
    ServiceRole: access.service_role,
    JobFlowRole: access.instance_profile,
    ...(access.security_configuration === undefined ? {} : { SecurityConfiguration: access.security_configuration }),
    Tags: clusterTags(config.tags),
    VisibleToAllUsers: true,
  };
  if (cluster.idle_timeout_seconds !== undefined) input.AutoTerminationPolicy = { IdleTimeout: cluster.idle_timeout_seconds };
  if (cluster.step_concurrency_level > 1) input.StepConcurrencyLevel = cluster.step_concurrency_level;
  return input;
}

function metastoreConfigurations(applications: readonly string[], factoryClass: string): Configuration[] {
  const installed = (name: string) => applications.some((application) => application.toLowerCase() === name.toLowerCase());
  if (!installed(LOAD_PROGRAM.application)) {
    throw new ClusterSpecificationError(
      `config.ini: [basic] emr_applications (${applications.join(', ')}) must include ${LOAD_PROGRAM.application}: the load steps run ${LOAD_PROGRAM.command}`,
    );
  }
  return METASTORE_CLASSIFICATIONS.filter(({ application }) => installed(application)).map(({ classification }) => ({
    Classification: classification,
    Properties: { [METASTORE_FACTORY_PROPERTY]: factoryClass },
  }));
}

function masterFleet(config: PipelineConfig): InstanceFleetConfig {
  return {
    Name: 'Master',
    InstanceFleetType: 'MASTER',
    TargetOnDemandCapacity: 1,
    InstanceTypeConfigs: config.instances.master_instance_type.map((InstanceType) => ({ InstanceType })),
  };
}

function coreFleet(config: PipelineConfig): InstanceFleetConfig {
  const { instances, spot } = config;
  if (instances.ondemand_worker_count + spot.spot_worker_count === 0) {
    throw new ClusterSpecificationError(
      'config.ini: [instances] ondemand_worker_count and [spot] spot_worker_count are both 0; the CORE fleet needs at least one worker',
    );
  }
  return {
    Name: 'Core',
    InstanceFleetType: 'CORE',
    TargetOnDemandCapacity: instances.ondemand_worker_count,
    TargetSpotCapacity: spot.spot_worker_count,
    InstanceTypeConfigs: instances.worker_instance_type.map((InstanceType) => ({
      InstanceType,
      BidPriceAsPercentageOfOnDemandPrice: spot.spot_price_pct_of_ondemand,
    })),
    LaunchSpecifications: coreLaunchSpecifications(config.spot),
  };
}

function coreLaunchSpecifications(spot: PipelineConfig['spot']): InstanceFleetProvisioningSpecifications {
  const spotSpecification: SpotProvisioningSpecification = {
    TimeoutDurationMinutes: spot.spot_timeout_duration_minutes,
    TimeoutAction: spot.spot_timeout_action,
  };
  // Spot blocks (defined-duration Spot Instances) are retired by AWS: sent only when still configured.
  if (spot.spot_block_duration_minutes !== undefined) spotSpecification.BlockDurationMinutes = spot.spot_block_duration_minutes;
  if (spot.allocation_strategy === undefined) return { SpotSpecification: spotSpecification };
  spotSpecification.AllocationStrategy = spot.allocation_strategy;
  return { SpotSpecification: spotSpecification, OnDemandSpecification: { AllocationStrategy: 'lowest-price' } };
}

function clusterTags(tags: Record<string, string>): Tag[] {
  const result: Tag[] = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  // A [tags] pipeline key keeps its configured value: EMR rejects a key given twice.
  if (!Object.hasOwn(tags, PIPELINE_TAG.key)) result.push({ Key: PIPELINE_TAG.key, Value: PIPELINE_TAG.value });
  return result;
}
