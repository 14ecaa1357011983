import { type EMRClient, type InstanceFleet, paginateListInstanceFleets } from '@aws-sdk/client-emr';
import { ResourceNotFoundError, rethrowUnknownCluster, UnexpectedResponseError } from '@data-pipeline/core';

/** The cluster's CORE instance fleet (the workers). */
export async function findCoreFleet(emr: EMRClient, clusterId: string): Promise<InstanceFleet & { Id: string }> {
  try {
    for await (const page of paginateListInstanceFleets({ client: emr }, { ClusterId: clusterId })) {
      const core = page.InstanceFleets?.find((fleet) => fleet.InstanceFleetType === 'CORE');
      if (core?.Id) return { ...core, Id: core.Id };
      if (core) throw new UnexpectedResponseError(`EMR listed the CORE instance fleet of cluster ${clusterId} without an id`);
    }
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
  throw new ResourceNotFoundError(`EMR cluster ${clusterId} has no CORE instance fleet (is it an instance-group cluster?)`);
}
