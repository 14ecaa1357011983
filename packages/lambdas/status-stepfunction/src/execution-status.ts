import { DescribeExecutionCommand, type DescribeExecutionCommandOutput, type SFNClient } from '@aws-sdk/client-sfn';
import { ResourceNotFoundError, UnexpectedResponseError } from '@data-pipeline/core';

export type ExecutionStatus = 'RUNNING' | 'SUCCESS' | 'ERROR';

/** How each Step Functions execution status reads to the Master workflow (the package README). */
export const EXECUTION_STATUS: Record<string, ExecutionStatus> = {
  RUNNING: 'RUNNING',
  PENDING_REDRIVE: 'RUNNING',
  SUCCEEDED: 'SUCCESS',
  FAILED: 'ERROR',
  TIMED_OUT: 'ERROR',
  ABORTED: 'ERROR',
};

export interface ExecutionStatusResult {
  executionArn: string;
  Status: ExecutionStatus;
  /** On ERROR, the error name the execution ended with, when Step Functions reports one. */
  Error?: string;
  /** On ERROR, the cause the execution ended with, when Step Functions reports one. */
  Cause?: string;
}

export async function executionStatus(sfn: SFNClient, executionArn: string): Promise<ExecutionStatusResult> {
  let response: DescribeExecutionCommandOutput;
  try {
    response = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') {
      throw new ResourceNotFoundError(`execution ${executionArn} does not exist`, { cause: error });
    }
    throw error;
  }
  const status = response.status === undefined ? undefined : EXECUTION_STATUS[response.status];
  if (!status) throw new UnexpectedResponseError(`execution ${executionArn} is in an unknown status: ${response.status ?? '(none)'}`);
  const result: ExecutionStatusResult = { executionArn, Status: status };
  if (status === 'ERROR') {
    if (response.error) result.Error = response.error;
    if (response.cause) result.Cause = response.cause;
  }
  return result;
}
