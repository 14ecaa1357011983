import { ResourceNotFoundError } from '@data-pipeline/core';

/** EMR answers InvalidRequestException for a cluster id it does not know: that becomes a ResourceNotFoundError. */
export function unknownClusterError(error: unknown, clusterId: string): unknown {
  if ((error as Error | undefined)?.name === 'InvalidRequestException') {
    return new ResourceNotFoundError(`EMR cluster ${clusterId} does not exist`, { cause: error });
  }
  return error;
}
