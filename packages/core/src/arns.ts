// ARNs, and Step Functions ARNs in particular:
//   arn:<partition>:states:<region>:<account>:stateMachine:<name>[:<version number or alias name>]
//   arn:<partition>:states:<region>:<account>:execution:<state machine name>:<execution name>

/** A state machine ARN, optionally qualified by a version number or an alias name (both accepted by StartExecution). */
export const STATE_MACHINE_ARN_PATTERN = /^arn:aws[\w-]*:states:[\w-]+:\d{12}:stateMachine:[\w-]{1,80}(:[\w-]{1,80})?$/;

/** A standard workflow's execution ARN. */
export const EXECUTION_ARN_PATTERN = /^arn:aws[\w-]*:states:[\w-]+:\d{12}:execution:[\w-]{1,80}:[\w-]{1,80}$/;

export function isStateMachineArn(value: string): boolean {
  return STATE_MACHINE_ARN_PATTERN.test(value);
}

/** The region an ARN names, where the resource (and so the API to call) lives. */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}

/** The state machine name of a state machine ARN (qualified or not) or of an execution ARN. */
export function stateMachineNameOf(arn: string): string {
  return arn.split(':')[6] ?? '';
}

/** The state machine ARN without its version or alias qualifier: the executions of every version are its executions. */
export function unqualifiedStateMachineArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/** The (unqualified) ARN of the state machine an execution ARN belongs to. */
export function stateMachineArnOfExecution(executionArn: string): string {
  const [arn, partition, service, region, account, , stateMachineName] = executionArn.split(':');
  return [arn, partition, service, region, account, 'stateMachine', stateMachineName].join(':');
}
