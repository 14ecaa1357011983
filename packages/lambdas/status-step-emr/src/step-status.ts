import { DescribeStepCommand, type EMRClient, type FailureDetails, type Step } from '@aws-sdk/client-emr';
import { type Logger, rethrowUnknownCluster, UnexpectedResponseError } from '@data-pipeline/core';

export type StepStatus = 'SUBMITTED' | 'SUCCESS' | 'ERROR';

/** How each EMR step state reads to the workflows. */
export const STEP_STATUS: Record<string, StepStatus> = {
  PENDING: 'SUBMITTED',
  CANCEL_PENDING: 'SUBMITTED',
  RUNNING: 'SUBMITTED',
  COMPLETED: 'SUCCESS',
  FAILED: 'ERROR',
  CANCELLED: 'ERROR',
  INTERRUPTED: 'ERROR',
};

export interface StepStatusResult {
  ClusterId: string;
  StepId: string;
  Status: StepStatus;
}

export async function stepStatus(emr: EMRClient, clusterId: string, stepId: string, logger?: Logger): Promise<StepStatusResult> {
  let step: Step | undefined;
  try {
    step = (await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: stepId }))).Step;
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist or has no step ${stepId}`);
  }
  const state = step?.Status?.State;
  const status = state === undefined ? undefined : STEP_STATUS[state];
  if (!status) throw new UnexpectedResponseError(`EMR step ${stepId} of cluster ${clusterId} is in an unknown state: ${state ?? '(none)'}`);
  if (status === 'ERROR') {
    logger?.warn('EMR step did not complete', { name: step?.Name, state, failure: failureOf(step?.Status?.FailureDetails) });
  } else {
    logger?.info('EMR step state', { name: step?.Name, state });
  }
  return { ClusterId: clusterId, StepId: stepId, Status: status };
}

function failureOf(details: FailureDetails | undefined): FailureDetails | string {
  if (!details || (!details.Reason && !details.Message && !details.LogFile)) return '(EMR gave no failure details)';
  return { Reason: details.Reason, Message: details.Message, LogFile: details.LogFile };
}
