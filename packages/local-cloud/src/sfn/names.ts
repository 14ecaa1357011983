import { AwsServiceError } from '../http/aws-error';

// Names of state machines and executions: 1–80 characters, none of whitespace, brackets, wildcards,
// the special characters " # % \ ^ | ~ ` $ & , ; : / or control characters (as Step Functions enforces).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what the rule forbids
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

export function assertValidName(name: unknown, what: 'state machine' | 'execution'): asserts name is string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 80 || FORBIDDEN.test(name)) {
    throw new AwsServiceError('InvalidName', `Invalid Name: '${String(name)}' is not a valid ${what} name`);
  }
}

export interface ArnContext {
  region: string;
  account: string;
}

export function stateMachineArn(context: ArnContext, name: string): string {
  return `arn:aws:states:${context.region}:${context.account}:stateMachine:${name}`;
}

export function executionArn(context: ArnContext, machineName: string, name: string): string {
  return `arn:aws:states:${context.region}:${context.account}:execution:${machineName}:${name}`;
}
