import { describe, expect, it } from 'vitest';
import {
  checkDuplicateExecutionEvent,
  checkLandedFilesEvent,
  clusterEvent,
  EventValidationError,
  executionEvent,
  messageEvent,
  parseEvent,
  stepEvent,
  submitCommandEvent,
  submitStateMachineEvent,
  workerResizeEvent,
} from '../../src/index';

function problemsOf(act: () => unknown): string[] {
  try {
    act();
  } catch (error) {
    if (error instanceof EventValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected an EventValidationError');
}

describe('Function: parseEvent', () => {
  it('returns the event with its extra fields when the required ones are valid', () => {
    // Prepare
    const event = { ClusterId: 'j-2AXXXXXXGAPLF', StepId: 's-1K4ZB6Q8X0Z3', Status: 'SUBMITTED' };

    // Act
    const parsed = parseEvent('status-step-emr', stepEvent, event);

    // Assess
    expect(parsed).toEqual(event);
  });

  it('throws naming the Lambda and the missing field', () => {
    // Prepare
    const event = { Status: 'STARTING' };

    // Act
    const act = () => parseEvent('status-emr', clusterEvent, event);

    // Assess
    expect(act).toThrow(EventValidationError);
    expect(act).toThrow('status-emr: invalid event: ClusterId is missing');
  });

  it('throws naming a field of the wrong type and what it was', () => {
    // Prepare
    const event = { ClusterId: 42 };

    // Act
    const problems = problemsOf(() => parseEvent('status-emr', clusterEvent, event));

    // Assess
    expect(problems).toEqual(['ClusterId must be a string']);
  });

  it('throws quoting a cluster id that is not j-…', () => {
    // Prepare
    const event = { ClusterId: 'cluster-1' };

    // Act
    const problems = problemsOf(() => parseEvent('terminate-emr', clusterEvent, event));

    // Assess
    expect(problems).toEqual(['ClusterId is not an EMR cluster id (j-…): "cluster-1"']);
  });

  it('throws naming nested fields by their path', () => {
    // Prepare
    const event = { ClusterId: 'j-1ABC', NextStepNameAndCmd: { Step_Name: 'load' } };

    // Act
    const problems = problemsOf(() => parseEvent('submit-cmd-run-step-emr', submitCommandEvent, event));

    // Assess
    expect(problems).toEqual(['NextStepNameAndCmd.Cmd_Run is missing']);
  });

  it('lists every problem of the event at once', () => {
    // Prepare
    const event = { ClusterId: 'j-1ABC', WorkerInstanceFleetId: 'fleet', TargetTotalWorkers: '6' };

    // Act
    const problems = problemsOf(() => parseEvent('status-add-worker-instances-emr', workerResizeEvent, event));

    // Assess
    expect(problems).toEqual([
      'WorkerInstanceFleetId is not an EMR instance fleet id (if-…): "fleet"',
      'TargetTotalWorkers must be a number',
    ]);
  });

  it('throws for an event that is not an object', () => {
    // Prepare
    const event = 'j-1ABC';

    // Act
    const problems = problemsOf(() => parseEvent('status-emr', clusterEvent, event));

    // Assess
    expect(problems).toEqual(['the event must be an object (got the string "j-1ABC")']);
  });

  it('accepts state machine and execution ARNs and rejects others', () => {
    // Prepare
    const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:data-pipeline-dev-fact-process';
    const execution = 'arn:aws:states:eu-west-1:123456789012:execution:data-pipeline-dev-fact-process:run_20261122_ab12';

    // Act
    const submitted = parseEvent('submit-stepfunction', submitStateMachineEvent, { nextStateMachineArn: machine });
    const polled = parseEvent('status-stepfunction', executionEvent, { executionArn: execution });
    const problems = problemsOf(() => parseEvent('status-stepfunction', executionEvent, { executionArn: machine }));

    // Assess
    expect(submitted.nextStateMachineArn).toBe(machine);
    expect(polled.executionArn).toBe(execution);
    expect(problems).toEqual([`executionArn is not an execution ARN: "${machine}"`]);
  });

  it('accepts a Message that is a string or an object and rejects a number', () => {
    // Prepare, Act
    const text = parseEvent('send-msg-sns', messageEvent, { Message: 'done' });
    const object = parseEvent('send-msg-sns', messageEvent, { Message: { workflow: 'Master' } });
    const problems = problemsOf(() => parseEvent('send-msg-sns', messageEvent, { Message: 3 }));

    // Assess
    expect(text.Message).toBe('done');
    expect(object.Message).toEqual({ workflow: 'Master' });
    expect(problems).toEqual(['Message must be a string or an object']);
  });

  it('accepts version- and alias-qualified state machine ARNs and rejects an execution ARN', () => {
    // Prepare
    const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:data-pipeline-dev-fact-process';
    const execution = 'arn:aws:states:eu-west-1:123456789012:execution:data-pipeline-dev-fact-process:run_20261122_ab12';

    // Act
    const version = parseEvent('submit-stepfunction', submitStateMachineEvent, { nextStateMachineArn: `${machine}:3` });
    const alias = parseEvent('submit-stepfunction', submitStateMachineEvent, { nextStateMachineArn: `${machine}:prod` });
    const problems = problemsOf(() => parseEvent('submit-stepfunction', submitStateMachineEvent, { nextStateMachineArn: execution }));

    // Assess
    expect(version.nextStateMachineArn).toBe(`${machine}:3`);
    expect(alias.nextStateMachineArn).toBe(`${machine}:prod`);
    expect(problems).toEqual([`nextStateMachineArn is not a state machine ARN: "${execution}"`]);
  });

  it('accepts the caller execution ARN next to currentStepName and rejects a state machine ARN in its place', () => {
    // Prepare
    const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:data-pipeline-dev-master';
    const execution = 'arn:aws:states:eu-west-1:123456789012:execution:data-pipeline-dev-master:master_20250307060000_aaaaaaaa';

    // Act
    const parsed = parseEvent('check-duplicate-stepfunction', checkDuplicateExecutionEvent, {
      currentStepName: 'data-pipeline-dev-master',
      currentExecutionArn: execution,
    });
    const byName = parseEvent('check-duplicate-stepfunction', checkDuplicateExecutionEvent, {
      currentStepName: 'data-pipeline-dev-master',
    });
    const problems = problemsOf(() =>
      parseEvent('check-duplicate-stepfunction', checkDuplicateExecutionEvent, { currentExecutionArn: machine }),
    );

    // Assess
    expect(parsed).toEqual({ currentStepName: 'data-pipeline-dev-master', currentExecutionArn: execution });
    expect(byName.currentExecutionArn).toBeUndefined();
    expect(problems).toEqual([`currentExecutionArn is not an execution ARN: "${machine}"`]);
  });

  it('accepts a Subject of any length or an empty one and rejects one that is not a string', () => {
    // Prepare
    const long = `Master workflow FAILED: ${'x'.repeat(200)}`;

    // Act
    const parsedLong = parseEvent('send-msg-sns', messageEvent, { Message: 'failed', Subject: long });
    const parsedEmpty = parseEvent('send-msg-sns', messageEvent, { Message: 'failed', Subject: '' });
    const problems = problemsOf(() => parseEvent('send-msg-sns', messageEvent, { Message: 'failed', Subject: 7 }));

    // Assess
    expect(parsedLong.Subject).toBe(long);
    expect(parsedEmpty.Subject).toBe('');
    expect(problems).toEqual(['Subject must be a string']);
  });

  it('accepts a list of tables and names the table entry and field that is missing or empty', () => {
    // Prepare
    const tables = [{ Bucket: 'work-area', Table: 'sample_country_dim' }];

    // Act
    const parsed = parseEvent('check-landed-files', checkLandedFilesEvent, { Tables: tables });
    const missing = problemsOf(() => parseEvent('check-landed-files', checkLandedFilesEvent, {}));
    const empty = problemsOf(() => parseEvent('check-landed-files', checkLandedFilesEvent, { Tables: [] }));
    const entry = problemsOf(() =>
      parseEvent('check-landed-files', checkLandedFilesEvent, { Tables: [...tables, { Bucket: 'work-area', Table: '' }] }),
    );

    // Assess
    expect(parsed.Tables).toEqual(tables);
    expect(missing).toEqual(['Tables is missing']);
    expect(empty).toEqual(['Tables must list at least one table']);
    expect(entry).toEqual(['Tables.1.Table must not be empty']);
  });
});
