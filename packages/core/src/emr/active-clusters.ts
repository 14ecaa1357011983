// The clusters of a name that are up or coming up: what Launch EMR Cluster's duplicate check looks for
// (check-duplicate-emr) and what the operators' CLI refuses to launch beside.
import { type EMRClient, paginateListClusters } from '@aws-sdk/client-emr';
import { ACTIVE_CLUSTER_STATES } from '@data-pipeline/model/emr-states';

export { ACTIVE_CLUSTER_STATES };

export interface ActiveCluster {
  id: string;
  state: string;
}

/**
 * Every active cluster whose name is exactly `name` (case-sensitive, no prefix match), in the order EMR
 * lists them (newest first). EMR cannot filter by name, so every page of the active clusters is read.
 */
export async function findActiveClusters(emr: EMRClient, name: string): Promise<ActiveCluster[]> {
  const found: ActiveCluster[] = [];
  for await (const page of paginateListClusters({ client: emr }, { ClusterStates: [...ACTIVE_CLUSTER_STATES] })) {
    for (const cluster of page.Clusters ?? []) {
      if (cluster.Name === name && cluster.Id) found.push({ id: cluster.Id, state: cluster.Status?.State ?? 'UNKNOWN' });
    }
  }
  return found;
}
