// Reads an execution's history events, whatever its states are called: the states in the order they
// ran with their timings, and where the run went wrong. Nothing here knows a state name.
import type { HistoryEvent } from '@aws-sdk/client-sfn';

export interface StateRun {
  name: string;
  /** Task, Choice, Wait, Pass, Map, Fail, Succeed, Parallel (from the event type). */
  type: string;
  entered: Date;
  exited?: Date;
  durationMs?: number;
  input?: unknown;
  output?: unknown;
  /** The errors raised while it ran (a retried error included). */
  errors: Array<{ error?: string; cause?: string; retried: boolean }>;
}

export interface FailurePoint {
  /** The state where the run went wrong. */
  state: string;
  error?: string;
  cause?: string;
  /** How it was found: an error event of that state, or a failure record the workflow made after it. */
  source: 'error-event' | 'failure-record' | 'last-state';
}

export interface Timeline {
  states: StateRun[];
  /** The execution's own outcome, from its last event. */
  outcome?: { type: string; error?: string; cause?: string; at?: Date };
  failure?: FailurePoint;
}

const EXECUTION_END = /^Execution(Succeeded|Failed|Aborted|TimedOut)$/;

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The `{ error, cause }` of an event, whichever `…EventDetails` carries them. */
export function errorOf(event: HistoryEvent): { error?: string; cause?: string } | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || !value || typeof value !== 'object') continue;
    const details = value as { error?: unknown; cause?: unknown };
    if (typeof details.error === 'string' || typeof details.cause === 'string') {
      return {
        ...(typeof details.error === 'string' ? { error: details.error } : {}),
        ...(typeof details.cause === 'string' ? { cause: details.cause } : {}),
      };
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A failure record the workflow wrote into its data (`failure: { state?, error, cause | message }`), new in this output. */
function newFailureRecord(run: StateRun): Record<string, unknown> | undefined {
  if (!isRecord(run.output) || !isRecord(run.output.failure)) return undefined;
  if (isRecord(run.input) && isRecord(run.input.failure)) return undefined;
  return run.output.failure;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function readTimeline(events: HistoryEvent[]): Timeline {
  const states: StateRun[] = [];
  const open: StateRun[] = [];
  let outcome: Timeline['outcome'];
  let failure: FailurePoint | undefined;
  let lastTask: StateRun | undefined;

  for (const event of events) {
    const type: string = event.type ?? '';
    const at = event.timestamp;
    if (event.stateEnteredEventDetails && type.endsWith('StateEntered')) {
      const run: StateRun = {
        name: event.stateEnteredEventDetails.name ?? '',
        type: type.replace(/StateEntered$/, ''),
        entered: at ?? new Date(0),
        errors: [],
      };
      const input = parse(event.stateEnteredEventDetails.input);
      if (input !== undefined) run.input = input;
      states.push(run);
      open.push(run);
      continue;
    }
    if (event.stateExitedEventDetails && type.endsWith('StateExited')) {
      const name = event.stateExitedEventDetails.name ?? '';
      const index = open.findLastIndex((run) => run.name === name);
      const run = index >= 0 ? open.splice(index, 1)[0] : undefined;
      if (!run) continue;
      if (at) {
        run.exited = at;
        run.durationMs = at.getTime() - run.entered.getTime();
      }
      const output = parse(event.stateExitedEventDetails.output);
      if (output !== undefined) run.output = output;
      if (run.type === 'Task') lastTask = run;
      const record = failure ? undefined : newFailureRecord(run);
      if (record) {
        const state = text(record.state) ?? lastTask?.name ?? run.name;
        const error = text(record.error) ?? text(record.Error);
        const cause = text(record.cause) ?? text(record.message) ?? text(record.Cause);
        failure = { state, ...(error ? { error } : {}), ...(cause ? { cause } : {}), source: 'failure-record' };
      }
      continue;
    }
    if (type === 'StateRetried') {
      const last = open.at(-1)?.errors.at(-1);
      if (last) last.retried = true;
      continue;
    }
    const problem = errorOf(event);
    if (EXECUTION_END.test(type)) {
      outcome = { type, ...(problem ?? {}), ...(at ? { at } : {}) };
      continue;
    }
    if (problem && /(Failed|TimedOut)$/.test(type)) {
      const owner = open.at(-1);
      if (owner) owner.errors.push({ ...problem, retried: false });
    }
  }
  // An error that was not retried is where the run went wrong, unless a failure record came first.
  const firstError = states.find((run) => run.errors.some((error) => !error.retried) && run.type !== 'Fail');
  if (firstError && (!failure || states.indexOf(firstError) <= states.findIndex((run) => run.name === failure?.state))) {
    const error = firstError.errors.find((candidate) => !candidate.retried);
    failure = {
      state: firstError.name,
      ...(error?.error ? { error: error.error } : {}),
      ...(error?.cause ? { cause: error.cause } : {}),
      source: 'error-event',
    };
  }
  if (!failure && outcome && outcome.type !== 'ExecutionSucceeded') {
    const last = states.filter((run) => run.type !== 'Fail').at(-1);
    failure = {
      state: last?.name ?? '',
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.cause ? { cause: outcome.cause } : {}),
      source: 'last-state',
    };
  }
  return { states, ...(outcome ? { outcome } : {}), ...(failure && outcome?.type !== 'ExecutionSucceeded' ? { failure } : {}) };
}

/** Every `{ ClusterId, StepId }` pair in a value, depth first. */
export function stepReferences(value: unknown, found: Array<{ clusterId: string; stepId: string }> = []) {
  if (Array.isArray(value)) for (const item of value) stepReferences(item, found);
  else if (isRecord(value)) {
    if (typeof value.ClusterId === 'string' && typeof value.StepId === 'string')
      found.push({ clusterId: value.ClusterId, stepId: value.StepId });
    for (const item of Object.values(value)) stepReferences(item, found);
  }
  return found;
}

/** The runs of the failed state, latest first, then every other run, latest first: where to look for what failed. */
function runsFailedFirst(timeline: Timeline): StateRun[] {
  const failed = timeline.failure?.state;
  return [
    ...timeline.states.filter((run) => run.name === failed).reverse(),
    ...[...timeline.states].reverse().filter((run) => run.name !== failed),
  ];
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && Boolean(seen.add(key(value))));
}

/** The EMR steps the failed state dealt with, then every other step the run saw, latest first, each once. */
export function candidateSteps(timeline: Timeline): Array<{ clusterId: string; stepId: string }> {
  const refs = runsFailedFirst(timeline).flatMap((run) => [...stepReferences(run.output), ...stepReferences(run.input)]);
  return unique(refs, (ref) => `${ref.clusterId}/${ref.stepId}`);
}

/** Every `ClusterId` in a value, depth first. */
export function clusterReferences(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) clusterReferences(item, found);
  else if (isRecord(value)) {
    if (typeof value.ClusterId === 'string') found.push(value.ClusterId);
    for (const item of Object.values(value)) clusterReferences(item, found);
  }
  return found;
}

/** The clusters the failed state dealt with, then the ones the other states saw, latest first, each once. */
export function candidateClusters(timeline: Timeline): string[] {
  return unique(
    runsFailedFirst(timeline).flatMap((run) => [...clusterReferences(run.output), ...clusterReferences(run.input)]),
    (id) => id,
  );
}

/** Every Step Functions execution ARN (`executionArn`) in a value, depth first. */
export function executionReferences(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) executionReferences(item, found);
  else if (isRecord(value)) {
    if (typeof value.executionArn === 'string' && value.executionArn.includes(':execution:')) found.push(value.executionArn);
    for (const item of Object.values(value)) executionReferences(item, found);
  }
  return found;
}

/** The executions the failed state itself dealt with (the children a Master started), latest first, each once. */
export function candidateExecutions(timeline: Timeline): string[] {
  const failed = timeline.failure?.state;
  const runs = timeline.states.filter((run) => run.name === failed).reverse();
  return unique(
    runs.flatMap((run) => [...executionReferences(run.output), ...executionReferences(run.input)]),
    (arn) => arn,
  );
}
