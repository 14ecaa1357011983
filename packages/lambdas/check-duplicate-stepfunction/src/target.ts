// Which state machine to check: the event's `currentStepName`, else the `currentStepName` variable, else
// the state machine of the event's `currentExecutionArn`. A name is resolved to its ARN by listing.
import { paginateListStateMachines, type SFNClient } from '@aws-sdk/client-sfn';
import {
  type Env,
  EnvironmentError,
  EventValidationError,
  isStateMachineArn,
  optionalEnv,
  ResourceNotFoundError,
  stateMachineArnOfExecution,
  unqualifiedStateMachineArn,
} from '@data-pipeline/core';

export const LAMBDA_NAME = 'check-duplicate-stepfunction';
export const FALLBACK_VARIABLE = 'currentStepName';

/** A state machine ARN, or a name still to be resolved. */
export type StateMachineRef = { arn: string } | { name: string };

export function stateMachineRef(currentStepName: string | undefined, currentExecutionArn: string | undefined, env: Env): StateMachineRef {
  if (currentStepName !== undefined) return refOf(currentStepName, 'event');
  const fallback = optionalEnv(FALLBACK_VARIABLE, env);
  if (fallback !== undefined) return refOf(fallback, 'environment');
  if (currentExecutionArn !== undefined) return { arn: stateMachineArnOfExecution(currentExecutionArn) };
  throw new EventValidationError(LAMBDA_NAME, [
    `currentStepName is missing and environment variable ${FALLBACK_VARIABLE} is not set: one of them must name the state machine to check`,
  ]);
}

function refOf(value: string, from: 'event' | 'environment'): StateMachineRef {
  if (!value.startsWith('arn:')) return { name: value };
  if (isStateMachineArn(value)) return { arn: unqualifiedStateMachineArn(value) };
  const problem = `is not a state machine ARN: ${JSON.stringify(value)}`;
  if (from === 'event') throw new EventValidationError(LAMBDA_NAME, [`currentStepName ${problem}`]);
  throw new EnvironmentError(FALLBACK_VARIABLE, `environment variable ${FALLBACK_VARIABLE} ${problem}`);
}

/** The ARN of the state machine; a name is looked up with ListStateMachines (every page). */
export async function resolveStateMachineArn(sfn: SFNClient, ref: StateMachineRef): Promise<string> {
  if ('arn' in ref) return ref.arn;
  for await (const page of paginateListStateMachines({ client: sfn }, {})) {
    const found = page.stateMachines?.find((machine) => machine.name === ref.name);
    if (found?.stateMachineArn) return found.stateMachineArn;
  }
  const region = await sfn.config.region();
  throw new ResourceNotFoundError(`no state machine named ${JSON.stringify(ref.name)} in ${region}`);
}
