// Runs a definition in aws-local-stepfunctions with every Task answered by a local handler (chosen
// by the Lambda its Resource names), every Wait and every Retry pause overridden to zero, and
// reports the states visited, the output or the Error/Cause.
import '@data-pipeline/local-cloud/polyfills';
import { type RunOptions, type StateMachineDefinition as SfnDefinition, StateMachine } from 'aws-local-stepfunctions';
import type { StateMachineDefinition } from '../../src/asl/types';
import { retryingStates, taskResources, waitSeconds } from '../../src/inspect';
import type { LambdaName } from '../../src/lambda-names';

export type Handle = (lambda: LambdaName, input: unknown, state: string) => Promise<unknown>;

export interface RunResult {
  status: 'SUCCEEDED' | 'FAILED';
  output?: unknown;
  error?: string;
  cause?: string;
  /** Top-level states entered, in order. */
  visited: string[];
  /** States entered inside Map iterations, by iteration index. */
  items: string[][];
  /** States retried (one entry per retry). */
  retried: string[];
}

type EventLog = { type: string; index?: number; state?: { name: string }; Error?: string; Cause?: unknown };
type Overrides = NonNullable<RunOptions['overrides']>;

export async function runDefinition(
  definition: StateMachineDefinition,
  input: unknown,
  lambdaOf: (resource: string) => LambdaName,
  handle: Handle,
  /** The execution's ARN, as the Context Object's `Execution.Id` (Step Functions always sets it). */
  executionArn = 'arn:aws:states:us-east-1:123456789012:execution:test-machine:test-run',
  /** Wait states wait their real Seconds (under a simulated clock); by default they take no time. */
  realWaits = false,
): Promise<RunResult> {
  const taskResourceLocalHandlers: NonNullable<Overrides['taskResourceLocalHandlers']> = {};
  for (const [state, resource] of Object.entries(taskResources(definition))) {
    const lambda = lambdaOf(resource);
    // biome-ignore lint/suspicious/noExplicitAny: the library's JSON types are not exported
    taskResourceLocalHandlers[state] = (taskInput) => handle(lambda, taskInput, state) as Promise<any>;
  }
  const waitTimeOverrides = realWaits ? {} : Object.fromEntries(Object.keys(waitSeconds(definition)).map((name) => [name, 0]));
  const retryIntervalOverrides = Object.fromEntries(retryingStates(definition).map((name) => [name, 0]));
  // The library validates (and annotates) the definition it is given: hand it a copy.
  const machine = new StateMachine(structuredClone(definition) as unknown as SfnDefinition);
  // biome-ignore lint/suspicious/noExplicitAny: the library's JSON types are not exported
  const execution = machine.run(input as any, {
    overrides: { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides },
    context: { Execution: { Id: executionArn, Name: executionArn.split(':').at(-1) } },
  });
  const events: EventLog[] = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) events.push(event as EventLog);
  })();
  let output: unknown;
  let failed = false;
  try {
    output = await execution.result;
  } catch {
    failed = true;
  }
  await collecting;
  const visited: string[] = [];
  const items: string[][] = [];
  const retried: string[] = [];
  let failure: EventLog | undefined;
  for (const event of events) {
    if (event.type === 'StateEntered' && event.state) {
      if (event.index === undefined) visited.push(event.state.name);
      else {
        const item = items[event.index] ?? [];
        items[event.index] = item;
        item.push(event.state.name);
      }
    }
    if (event.type === 'StateRetried' && event.state) retried.push(event.state.name);
    if (event.type === 'ExecutionFailed') failure = event;
  }
  if (!failed) return { status: 'SUCCEEDED', output, visited, items, retried };
  return { status: 'FAILED', error: failure?.Error, cause: String(failure?.Cause ?? ''), visited, items, retried };
}
