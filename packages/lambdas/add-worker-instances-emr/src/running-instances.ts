import { type EMRClient, paginateListInstances } from '@aws-sdk/client-emr';
import { rethrowUnknownCluster } from '@data-pipeline/core';

/** How many instances of an instance fleet are RUNNING now, on-demand and spot together. */
export async function countRunningInstances(emr: EMRClient, clusterId: string, instanceFleetId: string): Promise<number> {
  let running = 0;
  try {
    const input = { ClusterId: clusterId, InstanceFleetId: instanceFleetId, InstanceStates: ['RUNNING' as const] };
    for await (const page of paginateListInstances({ client: emr }, input)) running += page.Instances?.length ?? 0;
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
  return running;
}
