import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  type Env,
  EnvironmentError,
  EventValidationError,
  isStateMachineArn,
  optionalEnv,
  ResourceNotFoundError,
  stateMachineNameOf,
  UnexpectedResponseError,
} from '@data-pipeline/core';
import { executionName, randomSuffix } from './execution-name';

export const LAMBDA_NAME = 'submit-stepfunction';
export const FALLBACK_VARIABLE = 'stateMachineArn';

export interface SubmitExecutionResult {
  executionArn: string;
  Status: 'SUBMITTED';
}

/** The child state machine: the event's `nextStateMachineArn`, else the `stateMachineArn` environment variable. */
export function targetStateMachine(nextStateMachineArn: string | undefined, env: Env): string {
  if (nextStateMachineArn !== undefined) return nextStateMachineArn;
  const fallback = optionalEnv(FALLBACK_VARIABLE, env);
  if (fallback === undefined) {
    throw new EventValidationError(LAMBDA_NAME, [
      `nextStateMachineArn is missing and environment variable ${FALLBACK_VARIABLE} is not set: one of them must name the state machine to start`,
    ]);
  }
  if (!isStateMachineArn(fallback)) {
    throw new EnvironmentError(
      FALLBACK_VARIABLE,
      `environment variable ${FALLBACK_VARIABLE} is not a state machine ARN: ${JSON.stringify(fallback)}`,
    );
  }
  return fallback;
}

export interface SubmitOptions {
  now?: () => Date;
  suffix?: () => string;
}

/** Starts the child workflow with the whole event as its input. */
export async function submitExecution(
  sfn: SFNClient,
  stateMachineArn: string,
  event: unknown,
  options: SubmitOptions = {},
): Promise<SubmitExecutionResult> {
  const name = executionName(
    stateMachineNameOf(stateMachineArn),
    (options.now ?? (() => new Date()))(),
    (options.suffix ?? randomSuffix)(),
  );
  let executionArn: string | undefined;
  try {
    const response = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(event) }));
    executionArn = response.executionArn;
  } catch (error) {
    if ((error as Error).name === 'StateMachineDoesNotExist') {
      throw new ResourceNotFoundError(`state machine ${stateMachineArn} does not exist`, { cause: error });
    }
    throw error;
  }
  if (!executionArn) throw new UnexpectedResponseError(`StartExecution of ${stateMachineArn} answered no executionArn`);
  return { executionArn, Status: 'SUBMITTED' };
}
