import { DescribeClusterCommand, type EMRClient } from '@aws-sdk/client-emr';
import { rethrowUnknownCluster, UnexpectedResponseError } from '@data-pipeline/core';

export type ClusterStatus = 'STARTING' | 'STARTED' | 'STOPPED';

/** How each EMR cluster state reads to the workflows (the package README). */
export const CLUSTER_STATUS: Record<string, ClusterStatus> = {
  STARTING: 'STARTING',
  BOOTSTRAPPING: 'STARTING',
  RUNNING: 'STARTED',
  WAITING: 'STARTED',
  TERMINATING: 'STOPPED',
  TERMINATED: 'STOPPED',
  TERMINATED_WITH_ERRORS: 'STOPPED',
};

export interface ClusterStatusResult {
  ClusterId: string;
  Status: ClusterStatus;
  /** When STOPPED: the EMR state and its state change reason, e.g. `TERMINATED_WITH_ERRORS: BOOTSTRAP_FAILURE: …`. */
  Reason?: string;
}

export async function clusterStatus(emr: EMRClient, clusterId: string): Promise<ClusterStatusResult> {
  let state: string | undefined;
  let reason: { Code?: string; Message?: string } | undefined;
  try {
    const response = await emr.send(new DescribeClusterCommand({ ClusterId: clusterId }));
    state = response.Cluster?.Status?.State;
    reason = response.Cluster?.Status?.StateChangeReason;
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
  const status = state === undefined ? undefined : CLUSTER_STATUS[state];
  if (!status) throw new UnexpectedResponseError(`EMR cluster ${clusterId} is in an unknown state: ${state ?? '(none)'}`);
  if (status !== 'STOPPED') return { ClusterId: clusterId, Status: status };
  const parts = [state, reason?.Code, reason?.Message].filter((part): part is string => Boolean(part));
  return { ClusterId: clusterId, Status: status, Reason: parts.join(': ') };
}
