import type { EMRClient } from '@aws-sdk/client-emr';
import { findActiveClusters, type Logger } from '@data-pipeline/core';

export interface DuplicateCheckResult {
  Status: 'RUNNING' | 'NOTRUNNING';
  /** The ids of the active clusters of that name, in the order EMR lists them (empty when NOTRUNNING). */
  ClusterIds: string[];
}

export async function checkDuplicateCluster(emr: EMRClient, name: string, logger?: Logger): Promise<DuplicateCheckResult> {
  const clusters = await findActiveClusters(emr, name);
  if (clusters.length === 0) {
    logger?.info('no active cluster of this name', { name });
    return { Status: 'NOTRUNNING', ClusterIds: [] };
  }
  logger?.info('active cluster of this name found', { name, clusters });
  return { Status: 'RUNNING', ClusterIds: clusters.map((cluster) => cluster.id) };
}
