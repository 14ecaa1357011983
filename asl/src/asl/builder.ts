// Collects the states of one state machine (or of a Map's item processor) and keeps every state
// name unique across the whole definition, as Step Functions requires.
import { DefinitionBuildError } from '../errors';
import { catchAll, LAMBDA_RETRY } from './policies';
import type { ChoiceRule, JsonObject, State, States, TaskState, WaitState } from './types';

export class StatesBuilder {
  private readonly main: States = {};
  private readonly failure: States = {};

  constructor(private readonly names: Set<string> = new Set()) {}

  /** The states in reading order: the main path first, then the failure handling. */
  get states(): States {
    return { ...this.main, ...this.failure };
  }

  /** A builder for a nested item processor that shares this definition's name space. */
  nested(): StatesBuilder {
    return new StatesBuilder(this.names);
  }

  /** Adds a state of the failure handling (listed after the main path). */
  addFailure(name: string, state: State): string {
    return this.add(name, state, 'failure');
  }

  add(name: string, state: State, group: 'main' | 'failure' = 'main'): string {
    if (name.length === 0 || name.length > 80)
      throw new DefinitionBuildError(`state name must have 1 to 80 characters: ${JSON.stringify(name)}`);
    if (this.names.has(name)) throw new DefinitionBuildError(`state name used twice: ${JSON.stringify(name)}`);
    this.names.add(name);
    (group === 'main' ? this.main : this.failure)[name] = state;
    return name;
  }
}

export interface LambdaTaskOptions {
  resource: string;
  /** Payload sent to the Lambda; omitted: the state's whole input (or InputPath's part of it). */
  parameters?: JsonObject;
  inputPath?: string;
  resultPath: string | null;
  next: string;
  /** The state a caught error goes to, with `{ Error, Cause }` at `catchPath`. */
  onError: string;
  catchPath?: string;
  comment?: string;
}

/** A Task invoking a Lambda by its ARN, retrying transient Lambda errors and catching everything else. */
export function lambdaTask(options: LambdaTaskOptions): TaskState {
  return {
    Type: 'Task',
    ...(options.comment ? { Comment: options.comment } : {}),
    Resource: options.resource,
    ...(options.inputPath ? { InputPath: options.inputPath } : {}),
    ...(options.parameters ? { Parameters: options.parameters } : {}),
    ResultPath: options.resultPath,
    Retry: [LAMBDA_RETRY],
    Catch: [catchAll(options.onError, options.catchPath)],
    Next: options.next,
  };
}

export function waitState(seconds: number, next: string): WaitState {
  return { Type: 'Wait', Seconds: seconds, Next: next };
}

export function statusIs(variable: string, value: string, next: string): ChoiceRule {
  return { Variable: variable, StringEquals: value, Next: next };
}

export function statusIsOneOf(variable: string, values: readonly string[], next: string): ChoiceRule {
  if (values.length === 1) return statusIs(variable, values[0] as string, next);
  return { Or: values.map((value) => ({ Variable: variable, StringEquals: value })), Next: next };
}
