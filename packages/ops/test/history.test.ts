import { DescribeClusterCommand, DescribeStepCommand } from '@aws-sdk/client-emr';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { historyCommand } from '../src/commands/history';
import { colors } from '../src/output/format';
import { arnOf, givenStateMachines, type MockedAws, mockedAws, mockedContext } from './support/mocked';

const mocks: MockedAws = mockedAws();
const EXECUTION = `${arnOf('dev', 'fact-process').replace(':stateMachine:', ':execution:')}:ops-1`;
const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 18, 0, second));

function historyOfStepFailure(): HistoryEvent[] {
  const step = { ClusterId: 'j-1ABC', StepId: 's-2LOAD', Status: 'ERROR' };
  const record = { error: 'EmrStepFailed', message: 'table sample_country_tx_fact failed in state Check load: step s-2LOAD ended ERROR' };
  const events: Array<Omit<HistoryEvent, 'id'>> = [
    { type: 'ExecutionStarted', timestamp: at(0) },
    { type: 'TaskStateEntered', timestamp: at(0), stateEnteredEventDetails: { name: 'Read cluster id', input: '{}' } },
    {
      type: 'TaskStateExited',
      timestamp: at(1),
      stateExitedEventDetails: { name: 'Read cluster id', output: '{"cluster":{"ClusterId":"j-1ABC"}}' },
    },
    { type: 'TaskStateEntered', timestamp: at(1), stateEnteredEventDetails: { name: 'Move to staging', input: '{}' } },
    {
      type: 'TaskStateExited',
      timestamp: at(2),
      stateExitedEventDetails: {
        name: 'Move to staging',
        output: JSON.stringify({ steps: { move: { ClusterId: 'j-1ABC', StepId: 's-1MOVE' } } }),
      },
    },
    { type: 'TaskStateEntered', timestamp: at(2), stateEnteredEventDetails: { name: 'Check load', input: '{}' } },
    {
      type: 'TaskStateExited',
      timestamp: at(5),
      stateExitedEventDetails: { name: 'Check load', output: JSON.stringify({ steps: { load: step } }) },
    },
    { type: 'PassStateEntered', timestamp: at(5), stateEnteredEventDetails: { name: 'Load step failed', input: '{}' } },
    {
      type: 'PassStateExited',
      timestamp: at(5),
      stateExitedEventDetails: { name: 'Load step failed', output: JSON.stringify({ failure: record }) },
    },
    { type: 'ExecutionFailed', timestamp: at(6), executionFailedEventDetails: { error: 'EmrStepFailed', cause: 'Fact Process failed' } },
  ];
  return events.map((event, index) => ({ ...event, id: index + 1 }) as HistoryEvent);
}

describe('Function: historyCommand', () => {
  beforeEach(() => {
    mocks.sfn.reset();
    mocks.emr.reset();
    mocks.s3.reset();
  });

  it('returns the states, the failed state with its error and cause, and the failed EMR step with its failure details', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    mocks.sfn.on(DescribeExecutionCommand).resolves({
      executionArn: EXECUTION,
      stateMachineArn: arnOf('dev', 'fact-process'),
      name: 'ops-1',
      status: 'FAILED',
      startDate: at(0),
      stopDate: at(6),
      error: 'EmrStepFailed',
      cause: 'Fact Process failed',
    });
    mocks.sfn.on(GetExecutionHistoryCommand).resolves({ events: historyOfStepFailure() });
    mocks.emr.on(DescribeStepCommand, { ClusterId: 'j-1ABC', StepId: 's-2LOAD' }).resolves({
      Step: {
        Id: 's-2LOAD',
        Name: 'sample_country_tx_fact - load into warehouse',
        Status: { State: 'FAILED', FailureDetails: { Reason: 'Injected: the fact load failed', LogFile: 's3://logs/stderr' } },
      },
    });
    mocks.emr.on(DescribeClusterCommand, { ClusterId: 'j-1ABC' }).resolves({
      Cluster: {
        Id: 'j-1ABC',
        Name: 'data-pipeline-dev',
        Status: { State: 'TERMINATED', StateChangeReason: { Code: 'USER_REQUEST', Message: 'Terminated by user request' } },
      },
    });
    const ctx = mockedContext('dev');

    // Act
    const result = await historyCommand(ctx, EXECUTION);
    const text = result.render(colors(false));

    // Assess
    expect(result.code).toBe(0);
    expect(result.data.workflow).toBe('fact-process');
    expect(result.data.states.map((run) => run.name)).toEqual(['Read cluster id', 'Move to staging', 'Check load', 'Load step failed']);
    expect(result.data.failure).toEqual({
      state: 'Check load',
      error: 'EmrStepFailed',
      cause: 'table sample_country_tx_fact failed in state Check load: step s-2LOAD ended ERROR',
      source: 'failure-record',
    });
    expect(result.data.failedStep).toMatchObject({
      clusterId: 'j-1ABC',
      id: 's-2LOAD',
      name: 'sample_country_tx_fact - load into warehouse',
      state: 'FAILED',
      failure: { reason: 'Injected: the fact load failed', logFile: 's3://logs/stderr' },
    });
    expect(mocks.emr.commandCalls(DescribeStepCommand).map((call) => call.args[0].input)).toEqual([
      { ClusterId: 'j-1ABC', StepId: 's-2LOAD' },
    ]);
    expect(result.data.cluster).toEqual({
      id: 'j-1ABC',
      name: 'data-pipeline-dev',
      state: 'TERMINATED',
      reason: 'USER_REQUEST: Terminated by user request',
    });
    expect(text).toContain('Cluster\n  j-1ABC  TERMINATED  USER_REQUEST: Terminated by user request');
    expect(mocks.sfn.commandCalls(GetExecutionHistoryCommand).map((call) => call.args[0].input)).toEqual([
      { executionArn: EXECUTION, maxResults: 1000 },
    ]);
    expect(text).toContain('  state   Check load\n  error   EmrStepFailed');
    expect(text).toContain(
      '  step     sample_country_tx_fact - load into warehouse (s-2LOAD on j-1ABC) FAILED\n  reason   Injected: the fact load failed',
    );
    expect(text).toMatch(/\n3 {2}Check load {8}Task {2}2026-12-01 18:00:02 {2}3\.0s {2}failed here\n/);
  });

  it('returns the latest execution of a workflow given by its id, and looks up no step when it succeeded', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    mocks.sfn.on(DescribeExecutionCommand).resolves({
      executionArn: EXECUTION,
      stateMachineArn: arnOf('dev', 'fact-process'),
      name: 'ops-1',
      status: 'SUCCEEDED',
      startDate: at(0),
      stopDate: at(6),
    });
    const { ListExecutionsCommand } = await import('@aws-sdk/client-sfn');
    mocks.sfn.on(ListExecutionsCommand).resolves({
      executions: [
        { executionArn: EXECUTION, stateMachineArn: arnOf('dev', 'fact-process'), name: 'ops-1', status: 'SUCCEEDED', startDate: at(0) },
      ],
    });
    mocks.sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });
    const ctx = mockedContext('dev');

    // Act
    const result = await historyCommand(ctx, 'fact-process');

    // Assess
    expect(result.data.execution.executionArn).toBe(EXECUTION);
    expect(result.data.failure).toBeUndefined();
    expect(mocks.sfn.commandCalls(ListExecutionsCommand).map((call) => call.args[0].input)).toEqual([
      { stateMachineArn: arnOf('dev', 'fact-process'), maxResults: 1 },
    ]);
    expect(mocks.emr.calls()).toEqual([]);
  });

  it("returns the failed child's failure for a Master whose child failed, looking up only the executions of the failed state", async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    const exec = (workflow: 'master' | 'launch-emr-cluster' | 'fact-process', name: string) =>
      `${arnOf('dev', workflow).replace(':stateMachine:', ':execution:')}:${name}`;
    const [master, launch, fact] = [exec('master', 'nightly'), exec('launch-emr-cluster', 'l1'), exec('fact-process', 'f1')];
    const children = { launch: { executionArn: launch, Status: 'SUCCESS' }, fact: { executionArn: fact, Status: 'ERROR' } };
    const record = { state: 'Check Fact Process', error: 'ChildWorkflowFailed', cause: `Fact Process execution ${fact} failed` };
    const describe = (executionArn: string, workflow: 'master' | 'launch-emr-cluster' | 'fact-process', status: 'FAILED' | 'SUCCEEDED') =>
      mocks.sfn.on(DescribeExecutionCommand, { executionArn }).resolves({
        executionArn,
        stateMachineArn: arnOf('dev', workflow),
        name: executionArn.split(':').pop(),
        status,
        startDate: at(0),
        stopDate: at(9),
      });
    describe(master, 'master', 'FAILED');
    describe(launch, 'launch-emr-cluster', 'SUCCEEDED');
    describe(fact, 'fact-process', 'FAILED');
    mocks.sfn.on(GetExecutionHistoryCommand, { executionArn: master }).resolves({
      events: [
        { id: 1, type: 'TaskStateEntered', timestamp: at(1), stateEnteredEventDetails: { name: 'Check Fact Process', input: '{}' } },
        {
          id: 2,
          type: 'TaskStateExited',
          timestamp: at(2),
          stateExitedEventDetails: { name: 'Check Fact Process', output: JSON.stringify({ children }) },
        },
        {
          id: 3,
          type: 'PassStateEntered',
          timestamp: at(2),
          stateEnteredEventDetails: { name: 'Fact Process ended in error', input: '{}' },
        },
        {
          id: 4,
          type: 'PassStateExited',
          timestamp: at(2),
          stateExitedEventDetails: { name: 'Fact Process ended in error', output: JSON.stringify({ children, failure: record }) },
        },
        {
          id: 5,
          type: 'ExecutionFailed',
          timestamp: at(3),
          executionFailedEventDetails: { error: 'ChildWorkflowFailed', cause: 'Master failed' },
        },
      ],
    });
    mocks.sfn.on(GetExecutionHistoryCommand, { executionArn: fact }).resolves({ events: historyOfStepFailure() });
    mocks.emr
      .on(DescribeStepCommand)
      .resolves({ Step: { Id: 's-2LOAD', Name: 'load', Status: { State: 'FAILED', FailureDetails: { Reason: 'bad' } } } });
    mocks.emr.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-1ABC', Status: { State: 'TERMINATED' } } });
    const ctx = mockedContext('dev');

    // Act
    const result = await historyCommand(ctx, master);
    const text = result.render(colors(false));

    // Assess
    expect(result.data.failure).toMatchObject({ state: 'Check Fact Process', error: 'ChildWorkflowFailed' });
    expect(result.data.failedChild).toMatchObject({
      workflow: 'fact-process',
      failure: { state: 'Check load', error: 'EmrStepFailed' },
      failedStep: { id: 's-2LOAD', state: 'FAILED' },
    });
    expect(mocks.sfn.commandCalls(DescribeExecutionCommand).map((call) => call.args[0].input.executionArn)).toEqual([
      master,
      launch,
      fact,
      fact,
    ]);
    expect(text).toContain('Failed child: fact-process\n  f1  FAILED');
    expect(text).toContain('\n    state   Check load\n');
  });
});
