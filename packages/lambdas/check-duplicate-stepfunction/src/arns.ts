// Step Functions ARNs: `arn:<partition>:states:<region>:<account>:stateMachine:<name>[:<version or alias>]`
// and `arn:<partition>:states:<region>:<account>:execution:<state machine name>:<execution name>`.

export const STATE_MACHINE_ARN_PATTERN = /^arn:aws[\w-]*:states:[\w-]+:\d{12}:stateMachine:[\w-]{1,80}(:[\w-]{1,80})?$/;

export function isStateMachineArn(value: string): boolean {
  return STATE_MACHINE_ARN_PATTERN.test(value);
}

/** The state machine ARN without a version or alias qualifier: executions of every version are its executions. */
export function unqualifiedStateMachineArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/** The state machine an execution ARN belongs to. */
export function stateMachineArnOfExecution(executionArn: string): string {
  const [arn, partition, service, region, account, , stateMachineName] = executionArn.split(':');
  return [arn, partition, service, region, account, 'stateMachine', stateMachineName].join(':');
}

/** The region an ARN names, where the resource (and so the API to call) lives. */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}

/** The name segment of a state machine or execution ARN's state machine. */
export function stateMachineNameOf(arn: string): string {
  return arn.split(':')[6] ?? '';
}
