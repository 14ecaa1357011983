import { type EMRClient, TerminateJobFlowsCommand } from '@aws-sdk/client-emr';
import { unknownClusterError } from './errors';

export interface TerminateResult {
  ClusterId: string;
  Status: 'STOPPING';
}

/** Asks EMR to terminate the cluster; it shuts down in the background (status-emr reports STOPPED when done). */
export async function terminateCluster(emr: EMRClient, clusterId: string): Promise<TerminateResult> {
  try {
    await emr.send(new TerminateJobFlowsCommand({ JobFlowIds: [clusterId] }));
  } catch (error) {
    throw unknownClusterError(error, clusterId);
  }
  return { ClusterId: clusterId, Status: 'STOPPING' };
}
