import { type EMRClient, ModifyInstanceFleetCommand } from '@aws-sdk/client-emr';
import { type Logger, type PipelineConfig, rethrowUnknownCluster } from '@data-pipeline/core';
import { findCoreFleet } from './core-fleet';
import { planResize } from './resize-plan';
import { countRunningInstances } from './running-instances';

export interface AddWorkersResult {
  ClusterId: string;
  WorkerInstanceFleetId: string;
  TargetTotalWorkers: number;
  Status: 'ADDING';
}

/** Asks EMR to grow the CORE fleet by `[spot] spot_worker_increment_count` spot workers; EMR resizes in the background. */
export async function addWorkers(emr: EMRClient, clusterId: string, config: PipelineConfig, logger?: Logger): Promise<AddWorkersResult> {
  const fleet = await findCoreFleet(emr, clusterId);
  const running = await countRunningInstances(emr, clusterId, fleet.Id);
  const plan = planResize({
    running,
    onDemandWorkers: config.instances.ondemand_worker_count,
    spotIncrement: config.spot.spot_worker_increment_count,
  });
  logger?.info('resizing the CORE fleet', { instanceFleetId: fleet.Id, running, ...plan });
  try {
    await emr.send(
      new ModifyInstanceFleetCommand({
        ClusterId: clusterId,
        InstanceFleet: {
          InstanceFleetId: fleet.Id,
          TargetOnDemandCapacity: plan.TargetOnDemandCapacity,
          TargetSpotCapacity: plan.TargetSpotCapacity,
        },
      }),
    );
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
  return { ClusterId: clusterId, WorkerInstanceFleetId: fleet.Id, TargetTotalWorkers: plan.TargetTotalWorkers, Status: 'ADDING' };
}
