// Runs one execution with aws-local-stepfunctions: Task states that name a Lambda run the local
// function, Wait states and Retry intervals are scaled by `timeScale`, and every event is recorded.
import '../support/promise-with-resolvers';
import {
  ExecutionAbortedError,
  ExecutionTimeoutError,
  type RunOptions,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import type { LambdaRuntime } from '../lambda/runtime';
import { lambdaTarget, type MachineDefinition, walkStates } from './definition';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionOutcome {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: unknown;
  error?: string;
  cause?: string;
}

export interface RunningExecution {
  outcome: Promise<ExecutionOutcome>;
  abort(): void;
}

export interface ExecuteOptions {
  definition: MachineDefinition;
  input: unknown;
  lambda: LambdaRuntime;
  timeScale: number;
  context: NonNullable<RunOptions['context']>;
  onEvent: (event: { type: string; timestamp: number; Error?: string; Cause?: unknown }) => void;
}

/** Throws when aws-local-stepfunctions rejects the definition. */
export function compile(definition: MachineDefinition): StateMachine {
  return new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { checkArn: false } });
}

export function execute(options: ExecuteOptions): RunningExecution {
  const machine = compile(options.definition);
  const run = machine.run(options.input as never, { overrides: overridesFor(options), context: options.context });
  let failure: { Error?: string; Cause?: unknown } | undefined;
  const logged = (async () => {
    for await (const event of run.eventLogs) {
      if (event.type === 'ExecutionFailed') failure = event;
      options.onEvent(event as never);
    }
  })();
  const outcome = run.result.then(
    async (output): Promise<ExecutionOutcome> => {
      await logged;
      return { status: 'SUCCEEDED', output };
    },
    async (error: unknown): Promise<ExecutionOutcome> => {
      await logged.catch(() => undefined);
      if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
      if (error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout' };
      const cause = failure?.Cause ?? (error as Error).cause ?? (error as Error).message;
      return {
        status: 'FAILED',
        error: failure?.Error ?? (error as Error).name,
        cause: typeof cause === 'string' ? cause : JSON.stringify(cause),
      };
    },
  );
  return { outcome, abort: run.abort };
}

function overridesFor({ definition, lambda, timeScale }: ExecuteOptions): NonNullable<RunOptions['overrides']> {
  const taskResourceLocalHandlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  const waitTimeOverrides: Record<string, number> = {};
  const retryIntervalOverrides: Record<string, number[]> = {};
  for (const [name, state] of walkStates(definition.States)) {
    if (state.Type === 'Task') {
      const target = lambdaTarget(state);
      taskResourceLocalHandlers[name] = async (input) => {
        if (!target)
          throw Object.assign(new Error(`the local Step Functions service cannot run the resource ${state.Resource}`), {
            name: 'States.Runtime',
          });
        if (!target.wrapped) return lambda.invoke(target.reference, input);
        const { FunctionName, Payload } = input as { FunctionName: string; Payload?: unknown };
        return { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: await lambda.invoke(FunctionName, Payload ?? {}) };
      };
    }
    if (state.Type === 'Wait' && typeof state.Seconds === 'number') waitTimeOverrides[name] = Math.round(state.Seconds * 1000 * timeScale);
    if (state.Retry)
      retryIntervalOverrides[name] = state.Retry.map((retrier) => Math.round((retrier.IntervalSeconds ?? 1) * 1000 * timeScale));
  }
  return { taskResourceLocalHandlers: taskResourceLocalHandlers as never, waitTimeOverrides, retryIntervalOverrides };
}
