import { type EMRClient, type InstanceFleet, paginateListInstanceFleets } from '@aws-sdk/client-emr';
import { type Logger, ResourceNotFoundError, rethrowUnknownCluster } from '@data-pipeline/core';
import { judgeFleet, type ResizeStatus } from './fleet-status';

export interface ResizeRequest {
  ClusterId: string;
  WorkerInstanceFleetId: string;
  TargetTotalWorkers: number;
}

export interface ResizeStatusResult extends ResizeRequest {
  Status: ResizeStatus;
  /** With ERROR when the resize ended with the fleet RUNNING short of its target (spot capacity unavailable): the workers it has. */
  CapacityShortfall?: { ProvisionedWorkers: number };
}

export async function resizeStatus(emr: EMRClient, request: ResizeRequest, logger?: Logger): Promise<ResizeStatusResult> {
  const { ClusterId, WorkerInstanceFleetId, TargetTotalWorkers } = request;
  const fleet = await findFleet(emr, ClusterId, WorkerInstanceFleetId);
  const { Status, details } = judgeFleet(fleet, TargetTotalWorkers);
  if (Status === 'ERROR') logger?.warn('the CORE fleet resize failed', details);
  else logger?.info(Status === 'SUCCESS' ? 'the CORE fleet resize is done' : 'the CORE fleet is still resizing', details);
  if (Status === 'ERROR' && fleet.Status?.State === 'RUNNING') {
    return { ClusterId, WorkerInstanceFleetId, TargetTotalWorkers, Status, CapacityShortfall: { ProvisionedWorkers: details.provisioned } };
  }
  return { ClusterId, WorkerInstanceFleetId, TargetTotalWorkers, Status };
}

async function findFleet(emr: EMRClient, clusterId: string, fleetId: string): Promise<InstanceFleet> {
  try {
    for await (const page of paginateListInstanceFleets({ client: emr }, { ClusterId: clusterId })) {
      const fleet = page.InstanceFleets?.find((candidate) => candidate.Id === fleetId);
      if (fleet) return fleet;
    }
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
  throw new ResourceNotFoundError(`EMR cluster ${clusterId} has no instance fleet ${fleetId}`);
}
