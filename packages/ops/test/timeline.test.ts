import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { candidateSteps, readTimeline } from '../src/history/timeline';

const t = (second: number) => new Date(Date.UTC(2026, 11, 1, 18, 0, second));
let id = 0;
function event(type: string, second: number, details: Partial<HistoryEvent> = {}): HistoryEvent {
  id += 1;
  return { id, previousEventId: id - 1, type: type as HistoryEvent['type'], timestamp: t(second), ...details };
}
const entered = (type: string, name: string, second: number, input: unknown) =>
  event(`${type}StateEntered`, second, { stateEnteredEventDetails: { name, input: JSON.stringify(input) } });
const exited = (type: string, name: string, second: number, output: unknown) =>
  event(`${type}StateExited`, second, { stateExitedEventDetails: { name, output: JSON.stringify(output) } });

describe('Function: readTimeline', () => {
  it('returns the states in order with their timings and no failure when the execution succeeded', () => {
    // Prepare
    const events = [
      event('ExecutionStarted', 0),
      entered('Task', 'Read cluster id', 0, {}),
      exited('Task', 'Read cluster id', 2, { cluster: { ClusterId: 'j-1' } }),
      entered('Succeed', 'Done', 2, {}),
      exited('Succeed', 'Done', 2, {}),
      event('ExecutionSucceeded', 2, { executionSucceededEventDetails: { output: '{}' } }),
    ];

    // Act
    const timeline = readTimeline(events);

    // Assess
    expect(timeline.states.map((run) => [run.name, run.type, run.durationMs])).toEqual([
      ['Read cluster id', 'Task', 2000],
      ['Done', 'Succeed', 0],
    ]);
    expect(timeline.outcome?.type).toBe('ExecutionSucceeded');
    expect(timeline.failure).toBeUndefined();
  });

  it('returns the last Task before the failure record as the failed state when a step answered ERROR', () => {
    // Prepare
    const step = { ClusterId: 'j-1', StepId: 's-LOAD', Status: 'ERROR' };
    const record = { error: 'EmrStepFailed', message: 'table t failed in state Check load: step s-LOAD ended ERROR' };
    const events = [
      event('ExecutionStarted', 0),
      entered('Task', 'Check load', 1, { steps: { load: { ...step, Status: 'SUBMITTED' } } }),
      exited('Task', 'Check load', 3, { steps: { load: step } }),
      entered('Choice', 'Load done?', 3, { steps: { load: step } }),
      exited('Choice', 'Load done?', 3, { steps: { load: step } }),
      entered('Pass', 'Load step failed', 3, { steps: { load: step } }),
      exited('Pass', 'Load step failed', 3, { steps: { load: step }, failure: record }),
      entered('Fail', 'Table failed', 3, { failure: record }),
      event('ExecutionFailed', 4, {
        executionFailedEventDetails: { error: 'EmrStepFailed', cause: 'Fact Process failed in state Process fact tables' },
      }),
    ];

    // Act
    const timeline = readTimeline(events);

    // Assess
    expect(timeline.failure).toEqual({ state: 'Check load', error: 'EmrStepFailed', cause: record.message, source: 'failure-record' });
    expect(candidateSteps(timeline)).toEqual([{ clusterId: 'j-1', stepId: 's-LOAD' }]);
  });

  it('returns the state named by the failure record when it names one', () => {
    // Prepare
    const record = { state: 'Process fact tables', error: 'EmrStepFailed', cause: 'table failed', message: 'Fact Process failed' };
    const events = [
      entered('Map', 'Process fact tables', 0, {}),
      entered('Pass', 'Process fact tables failed', 5, {}),
      exited('Pass', 'Process fact tables failed', 5, { failure: record }),
      event('ExecutionFailed', 6, { executionFailedEventDetails: { error: 'EmrStepFailed', cause: 'Fact Process failed' } }),
    ];

    // Act
    const timeline = readTimeline(events);

    // Assess
    expect(timeline.failure).toEqual({
      state: 'Process fact tables',
      error: 'EmrStepFailed',
      cause: 'table failed',
      source: 'failure-record',
    });
  });

  it('returns the state whose error was not retried, passing over an error that was retried', () => {
    // Prepare
    const events = [
      entered('Task', 'Launch cluster', 0, {}),
      event('LambdaFunctionFailed', 1, { lambdaFunctionFailedEventDetails: { error: 'Lambda.ServiceException', cause: 'busy' } }),
      event('StateRetried', 1),
      exited('Task', 'Launch cluster', 3, { cluster: { ClusterId: 'j-1' } }),
      entered('Task', 'Record cluster id', 3, {}),
      event('LambdaFunctionFailed', 4, { lambdaFunctionFailedEventDetails: { error: 'StateFileError', cause: 'cannot be written' } }),
      entered('Pass', 'Record cluster id failed', 4, {}),
      exited('Pass', 'Record cluster id failed', 4, { failure: { state: 'Record cluster id', error: 'StateFileError' } }),
      event('ExecutionFailed', 5, { executionFailedEventDetails: { error: 'StateFileError', cause: 'Launch EMR Cluster failed' } }),
    ];

    // Act
    const timeline = readTimeline(events);

    // Assess
    expect(timeline.failure).toEqual({
      state: 'Record cluster id',
      error: 'StateFileError',
      cause: 'cannot be written',
      source: 'error-event',
    });
    expect(timeline.states[0]?.errors).toEqual([{ error: 'Lambda.ServiceException', cause: 'busy', retried: true }]);
  });

  it("returns the last state and the execution's error when nothing else tells where it failed", () => {
    // Prepare
    const events = [
      entered('Wait', 'Wait for cluster start', 0, {}),
      event('ExecutionTimedOut', 9, { executionTimedOutEventDetails: { error: 'States.Timeout', cause: 'took too long' } }),
    ];

    // Act
    const timeline = readTimeline(events);

    // Assess
    expect(timeline.failure).toEqual({
      state: 'Wait for cluster start',
      error: 'States.Timeout',
      cause: 'took too long',
      source: 'last-state',
    });
  });
});
