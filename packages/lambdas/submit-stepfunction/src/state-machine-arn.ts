import * as z from 'zod';

/** A state machine ARN, optionally qualified by a version number or an alias name (both accepted by StartExecution). */
export const STATE_MACHINE_ARN_PATTERN = /^arn:aws[\w-]*:states:[\w-]+:\d{12}:stateMachine:[\w-]{1,80}(:[\w-]{1,80})?$/;

export const stateMachineArnSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a state machine ARN') })
  .regex(STATE_MACHINE_ARN_PATTERN, { error: (issue) => `is not a state machine ARN: ${JSON.stringify(issue.input)}` });

export function isStateMachineArn(value: string): boolean {
  return STATE_MACHINE_ARN_PATTERN.test(value);
}

/** `name` of `arn:aws:states:<region>:<account>:stateMachine:<name>[:<version or alias>]`. */
export function stateMachineNameOf(arn: string): string {
  return arn.split(':')[6] ?? '';
}

/** The region an ARN names, where the resource (and so the API to call) lives. */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}
