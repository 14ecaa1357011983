import { ResourceNotFoundError } from '@data-pipeline/core';

/** EMR answers InvalidRequestException for a cluster or step id it does not know: that becomes a ResourceNotFoundError. */
export function unknownStepError(error: unknown, clusterId: string, stepId: string): unknown {
  if ((error as Error | undefined)?.name === 'InvalidRequestException') {
    return new ResourceNotFoundError(`EMR cluster ${clusterId} does not exist or has no step ${stepId}`, { cause: error });
  }
  return error;
}
