import type { Environment } from './environments/schema';
import { s3Layout, s3Uri } from './layout';
import { EMR_MANAGED_POLICY_TAG } from './naming';

export type ConfigIniSections = Record<string, Record<string, string>>;

function optional<T>(key: string, value: T | undefined, render: (value: T) => string = String): Record<string, string> {
  return value === undefined ? {} : { [key]: render(value) };
}

/** config.ini content for an environment, as sections of string values (the Lambdas' runtime settings). */
export function configIniSections(env: Environment): ConfigIniSections {
  const { emr } = env;
  return {
    basic: {
      emr_region: env.region,
      emr_name: emr.clusterName,
      log_on_s3: `${s3Uri(env.bucket, s3Layout.emrLogsPrefix)}/${emr.clusterName}/`,
      emr_version: emr.releaseLabel,
      emr_applications: emr.applications.join(','),
    },
    instances: {
      master_instance_type: emr.masterInstanceTypes.join(','),
      worker_instance_type: emr.workerInstanceTypes.join(','),
      ondemand_worker_count: String(emr.onDemandWorkers),
    },
    access: {
      subnet_id: emr.subnetIds.join(','),
      ...optional('ec2_keypair_name', emr.keyPairName),
      service_role: emr.serviceRole,
      instance_profile: emr.instanceProfile,
      ...optional('security_configuration', emr.securityConfiguration),
    },
    metastore: { metastore_factory_class: emr.metastoreFactoryClass },
    spot: {
      spot_worker_count: String(emr.spot.workers),
      spot_worker_increment_count: String(emr.spot.incrementWorkers),
      spot_price_pct_of_ondemand: String(emr.spot.pricePctOfOnDemand),
      spot_timeout_duration_minutes: String(emr.spot.timeoutMinutes),
      spot_timeout_action: emr.spot.timeoutAction,
      ...optional('spot_block_duration_minutes', emr.spot.blockDurationMinutes),
      ...optional('allocation_strategy', emr.spot.allocationStrategy),
    },
    cluster: {
      idle_timeout_seconds: String(emr.idleTimeoutSeconds),
      step_concurrency_level: String(emr.stepConcurrency),
    },
    tags: { ...env.tags, [EMR_MANAGED_POLICY_TAG.key]: EMR_MANAGED_POLICY_TAG.value },
  };
}
