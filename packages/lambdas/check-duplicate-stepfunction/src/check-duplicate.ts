import { DescribeExecutionCommand, paginateListExecutions, type SFNClient } from '@aws-sdk/client-sfn';
import {
  EventValidationError,
  ResourceNotFoundError,
  stateMachineArnOfExecution,
  stateMachineNameOf,
  UnexpectedResponseError,
} from '@data-pipeline/core';
import { moreThanOneRunning, type RunningExecution, runningBefore } from './duplicate-rule';
import { LAMBDA_NAME } from './target';

export interface CheckDuplicateResult {
  Status: 'RUNNING' | 'NOTRUNNING';
}

export interface DuplicateCheck {
  Status: CheckDuplicateResult['Status'];
  /** The other executions that make this one a duplicate (for the log). */
  others: string[];
}

/** Every RUNNING execution of the state machine (every page of ListExecutions). */
export async function runningExecutions(sfn: SFNClient, stateMachineArn: string): Promise<RunningExecution[]> {
  const running: RunningExecution[] = [];
  try {
    for await (const page of paginateListExecutions({ client: sfn }, { stateMachineArn, statusFilter: 'RUNNING' })) {
      for (const execution of page.executions ?? []) {
        if (!execution.executionArn || !execution.startDate) {
          throw new UnexpectedResponseError(`ListExecutions of ${stateMachineArn} answered an execution without ARN or start date`);
        }
        running.push({ executionArn: execution.executionArn, startDate: execution.startDate });
      }
    }
  } catch (error) {
    if ((error as Error).name === 'StateMachineDoesNotExist') {
      throw new ResourceNotFoundError(`state machine ${stateMachineArn} does not exist`, { cause: error });
    }
    throw error;
  }
  return running;
}

/** Is another execution of the state machine running (see duplicate-rule.ts for the two rules)? */
export async function checkDuplicate(sfn: SFNClient, stateMachineArn: string, currentExecutionArn?: string): Promise<DuplicateCheck> {
  if (currentExecutionArn !== undefined && stateMachineArnOfExecution(currentExecutionArn) !== stateMachineArn) {
    throw new EventValidationError(LAMBDA_NAME, [
      `currentExecutionArn is an execution of ${stateMachineNameOf(currentExecutionArn)}, not of the state machine checked (${stateMachineArn})`,
    ]);
  }
  const running = await runningExecutions(sfn, stateMachineArn);
  if (currentExecutionArn === undefined) {
    const duplicate = moreThanOneRunning(running);
    return { Status: duplicate ? 'RUNNING' : 'NOTRUNNING', others: duplicate ? running.map((execution) => execution.executionArn) : [] };
  }
  const current =
    running.find((execution) => execution.executionArn === currentExecutionArn) ?? (await describeCurrent(sfn, currentExecutionArn));
  const earlier = runningBefore(running, current);
  return { Status: earlier.length > 0 ? 'RUNNING' : 'NOTRUNNING', others: earlier.map((execution) => execution.executionArn) };
}

/** The current execution when the listing did not (yet) show it. */
async function describeCurrent(sfn: SFNClient, executionArn: string): Promise<RunningExecution> {
  try {
    const response = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (!response.startDate) throw new UnexpectedResponseError(`DescribeExecution of ${executionArn} answered no start date`);
    return { executionArn, startDate: response.startDate };
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') {
      throw new ResourceNotFoundError(`execution ${executionArn} does not exist`, { cause: error });
    }
    throw error;
  }
}
