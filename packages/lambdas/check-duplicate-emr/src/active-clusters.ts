import { type ClusterState, type EMRClient, paginateListClusters } from '@aws-sdk/client-emr';

/** The states of a cluster that is still coming up or can still run steps. */
export const ACTIVE_STATES: ClusterState[] = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'];

export interface ActiveCluster {
  id: string;
  state: string;
}

/** Every active cluster whose name is exactly `name` (EMR cannot filter by name, so all active clusters are listed). */
export async function findActiveClusters(emr: EMRClient, name: string): Promise<ActiveCluster[]> {
  const found: ActiveCluster[] = [];
  for await (const page of paginateListClusters({ client: emr }, { ClusterStates: ACTIVE_STATES })) {
    for (const cluster of page.Clusters ?? []) {
      if (cluster.Name === name && cluster.Id) found.push({ id: cluster.Id, state: cluster.Status?.State ?? '(unknown)' });
    }
  }
  return found;
}
