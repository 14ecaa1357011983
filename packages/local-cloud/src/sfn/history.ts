// Turns the executor's event log into the events GetExecutionHistory returns, in AWS's shapes.

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

interface LoggedEvent {
  type: string;
  timestamp: number;
  input?: unknown;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
  retry?: { attempt: number };
}

const json = (value: unknown) => JSON.stringify(value ?? null);
const cause = (value: unknown) => (typeof value === 'string' ? value : json(value));

/** The AWS history events (without ids) for one event of aws-local-stepfunctions' log. */
export function toHistoryEvents(event: LoggedEvent, roleArn: string): Omit<HistoryEvent, 'id' | 'previousEventId'>[] {
  const timestamp = event.timestamp / 1000;
  const state = event.state;
  switch (event.type) {
    case 'ExecutionStarted':
      return [{ timestamp, type: 'ExecutionStarted', executionStartedEventDetails: { input: json(event.input), roleArn } }];
    case 'ExecutionSucceeded':
      return [{ timestamp, type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: json(event.output) } }];
    case 'ExecutionFailed':
      return [{ timestamp, type: 'ExecutionFailed', executionFailedEventDetails: { error: event.Error, cause: cause(event.Cause) } }];
    case 'ExecutionAborted':
      return [{ timestamp, type: 'ExecutionAborted', executionAbortedEventDetails: {} }];
    case 'ExecutionTimeout':
      return [{ timestamp, type: 'ExecutionTimedOut', executionTimedOutEventDetails: { error: 'States.Timeout' } }];
    case 'StateEntered':
      return state
        ? [{ timestamp, type: `${state.type}StateEntered`, stateEnteredEventDetails: { name: state.name, input: json(state.input) } }]
        : [];
    case 'StateExited':
      return state
        ? [{ timestamp, type: `${state.type}StateExited`, stateExitedEventDetails: { name: state.name, output: json(state.output) } }]
        : [];
    case 'StateFailed':
      if (!state) return [];
      return [
        {
          timestamp,
          type: state.type === 'Task' ? 'LambdaFunctionFailed' : `${state.type}StateFailed`,
          [state.type === 'Task' ? 'lambdaFunctionFailedEventDetails' : 'stateFailedEventDetails']: {
            error: event.Error,
            cause: cause(event.Cause),
          },
          stateName: state.name,
        },
      ];
    case 'StateRetried':
      return state ? [{ timestamp, type: 'StateRetried', stateName: state.name, attempt: event.retry?.attempt }] : [];
    case 'StateCaught':
      return state ? [{ timestamp, type: 'StateCaught', stateName: state.name }] : [];
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return [{ timestamp, type: event.type, mapIterationEventDetails: { name: event.parentState?.name, index: event.index } }];
    default:
      return [{ timestamp, type: event.type }];
  }
}
