import { type EMRClient, TerminateJobFlowsCommand } from '@aws-sdk/client-emr';
import { rethrowUnknownCluster } from '@data-pipeline/core';

export interface TerminateResult {
  ClusterId: string;
  Status: 'STOPPING';
}

/** Asks EMR to terminate the cluster; it shuts down in the background (status-emr reports STOPPED when done). */
export async function terminateCluster(emr: EMRClient, clusterId: string): Promise<TerminateResult> {
  try {
    await emr.send(new TerminateJobFlowsCommand({ JobFlowIds: [clusterId] }));
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
  return { ClusterId: clusterId, Status: 'STOPPING' };
}
