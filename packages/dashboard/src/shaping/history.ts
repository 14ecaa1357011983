// What an execution's history says about its path through the definition: the states it entered, the
// transitions it took, where it failed and with which error, and the executions it started.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { type DefinitionStates, failureRecordStates, stateTypes } from './definition';

export interface FailurePoint {
  /** The state where the failure arose (the one that observed it, not the failure-handling states after it). */
  state: string;
  error?: string;
  cause?: string;
}

export interface ExecutionPath {
  /** States entered, in order of first entry. */
  visited: string[];
  /** Each transition taken, `[from, to]`, once. */
  transitions: [string, string][];
  failure?: FailurePoint;
}

interface Entry {
  name: string;
  output?: string;
}

const ENDED_BADLY = ['ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted'];

function entries(events: HistoryEvent[]): Entry[] {
  const out: Entry[] = [];
  for (const event of events) {
    if (event.stateEnteredEventDetails?.name) out.push({ name: event.stateEnteredEventDetails.name });
    const exited = event.stateExitedEventDetails;
    if (exited?.name) {
      const entry = out.findLast((candidate) => candidate.name === exited.name && candidate.output === undefined);
      if (entry) entry.output = exited.output ?? '';
    }
  }
  return out;
}

export function executionPath(definition: DefinitionStates, events: HistoryEvent[]): ExecutionPath {
  const entered = entries(events);
  const visited = [...new Set(entered.map((entry) => entry.name))];
  const seen = new Set<string>();
  const transitions: [string, string][] = [];
  for (let index = 1; index < entered.length; index += 1) {
    const from = entered[index - 1]?.name ?? '';
    const to = entered[index]?.name ?? '';
    if (!seen.has(`${from}\u0000${to}`)) transitions.push([from, to]);
    seen.add(`${from}\u0000${to}`);
  }
  return { visited, transitions, failure: failurePoint(definition, events, entered) };
}

/**
 * Where a failed, timed-out or aborted execution went wrong. The workflows record each failure at
 * `$.failure` in a small Pass state before notifying and failing; the first such record entered tells
 * the place: its `state` field when it names a state, else the state that led into it (past the Choice
 * that routed there). Without a record: the last state whose task failed, else the last state entered.
 */
function failurePoint(definition: DefinitionStates, events: HistoryEvent[], entered: Entry[]): FailurePoint | undefined {
  const end = events.findLast((event) => ENDED_BADLY.includes(event.type ?? ''));
  if (!end) return undefined;
  const details = end.executionFailedEventDetails ?? end.executionTimedOutEventDetails ?? end.executionAbortedEventDetails;
  const error = details?.error;
  const cause = details?.cause;
  const types = stateTypes(definition);
  const records = failureRecordStates(definition);
  const first = entered.findIndex((entry) => records.has(entry.name));
  if (first >= 0) {
    const named = recordedState(entered[first]?.output);
    if (named && types.has(named)) return { state: named, error, cause };
    for (let index = first - 1; index >= 0; index -= 1) {
      const name = entered[index]?.name ?? '';
      if (types.get(name) !== 'Choice' && !records.has(name)) return { state: name, error, cause };
    }
  }
  const failedTask = events.findLastIndex((event) => /^(LambdaFunction|Task|Activity)(Failed|TimedOut)$/.test(event.type ?? ''));
  const before = failedTask >= 0 ? events.slice(0, failedTask) : events;
  const state = before.findLast((event) => event.stateEnteredEventDetails?.name)?.stateEnteredEventDetails?.name;
  return state ? { state, error, cause } : undefined;
}

function recordedState(output: string | undefined): string | undefined {
  if (!output) return undefined;
  try {
    const state = (JSON.parse(output) as { failure?: { state?: unknown } }).failure?.state;
    return typeof state === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}

const EXECUTION_ARN = /arn:aws[\w-]*:states:[\w-]+:\d+:execution:[^"\s\\]+/g;

/** The executions an execution started, in the order their ARNs first appear in its states' outputs. */
export function startedExecutions(events: HistoryEvent[], ownArn: string): string[] {
  const found: string[] = [];
  for (const event of events) {
    const output =
      event.stateExitedEventDetails?.output ?? event.taskSucceededEventDetails?.output ?? event.lambdaFunctionSucceededEventDetails?.output;
    for (const arn of output?.match(EXECUTION_ARN) ?? []) if (arn !== ownArn && !found.includes(arn)) found.push(arn);
  }
  return found;
}
