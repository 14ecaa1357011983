import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-emr';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { getEnvironment, s3Layout } from '@data-pipeline/model';
import { beforeEach, describe, expect, it } from 'vitest';
import { rerunCommand, rerunExecutionName } from '../src/commands/rerun';
import { RefusedError, UsageError } from '../src/errors';
import { arnOf, givenStateFile, givenStateMachines, type MockedAws, mockedAws, mockedContext } from './support/mocked';

const mocks: MockedAws = mockedAws();

function givenRunning(
  env: 'dev' | 'prod',
  running: Partial<Record<'master' | 'fact-process' | 'launch-emr-cluster' | 'terminate-emr-cluster', string>>,
) {
  mocks.sfn.on(ListExecutionsCommand).resolves({ executions: [] });
  for (const [workflow, name] of Object.entries(running)) {
    mocks.sfn.on(ListExecutionsCommand, { stateMachineArn: arnOf(env, workflow as 'master'), statusFilter: 'RUNNING' }).resolves({
      executions: [
        {
          executionArn: `${arnOf(env, workflow as 'master').replace(':stateMachine:', ':execution:')}:${name}`,
          stateMachineArn: arnOf(env, workflow as 'master'),
          name,
          status: 'RUNNING',
          startDate: new Date('2026-12-01T17:00:00Z'),
        },
      ],
    });
  }
}

function givenCluster(state: string) {
  mocks.emr
    .on(DescribeClusterCommand)
    .resolves({ Cluster: { Id: 'j-1ABC', Name: 'data-pipeline-dev', Status: { State: state as 'WAITING' } } });
}

const sentSfn = () => mocks.sfn.calls().map((call) => call.args[0].constructor.name);

describe('Function: rerunCommand', () => {
  beforeEach(() => {
    mocks.sfn.reset();
    mocks.emr.reset();
    mocks.s3.reset();
    mocks.sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: 'arn:aws:states:us-east-1:111122223333:execution:x:y', startDate: new Date() });
  });

  it('starts the workflow with the input the Master gives it when nothing runs and the cluster is up', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', {});
    givenStateFile(mocks, 'dev', 'j-1ABC');
    givenCluster('WAITING');
    const ctx = mockedContext('dev');

    // Act
    const result = await rerunCommand(ctx, 'fact-process');

    // Assess
    expect(result.code).toBe(0);
    expect(result.data).toMatchObject({
      workflow: 'fact-process',
      clusterId: 'j-1ABC',
      input: { nextStateMachineArn: arnOf('dev', 'fact-process') },
    });
    expect(mocks.sfn.commandCalls(ListExecutionsCommand).map((call) => call.args[0].input)).toEqual([
      { stateMachineArn: arnOf('dev', 'master'), statusFilter: 'RUNNING', maxResults: 10 },
      { stateMachineArn: arnOf('dev', 'fact-process'), statusFilter: 'RUNNING', maxResults: 10 },
      { stateMachineArn: arnOf('dev', 'terminate-emr-cluster'), statusFilter: 'RUNNING', maxResults: 10 },
    ]);
    expect(mocks.s3.commandCalls(GetObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: getEnvironment('dev').bucket, Key: s3Layout.stateFileKey },
    ]);
    expect(mocks.emr.commandCalls(DescribeClusterCommand).map((call) => call.args[0].input)).toEqual([{ ClusterId: 'j-1ABC' }]);
    expect(mocks.sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input)).toEqual([
      {
        stateMachineArn: arnOf('dev', 'fact-process'),
        name: expect.stringMatching(/^data-pipeline-dev-fact-process_ops_20261201180000_[0-9a-f]{4}$/),
        input: JSON.stringify({ nextStateMachineArn: arnOf('dev', 'fact-process') }),
      },
    ]);
  });

  it('throws RefusedError naming the Master execution when the Master is running, and starts nothing', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', { master: 'nightly-1' });
    const ctx = mockedContext('dev');

    // Act
    const error = await rerunCommand(ctx, 'fact-process').catch((caught: Error) => caught);

    // Assess
    expect(error).toBeInstanceOf(RefusedError);
    expect((error as Error).message).toBe(
      'the Master is running (execution nightly-1 since 2026-12-01 17:00:00 UTC): it runs Fact Process itself; wait for it to end, then re-run if needed',
    );
    expect(sentSfn()).toEqual(['ListStateMachinesCommand', 'ListExecutionsCommand']);
    expect(mocks.s3.calls()).toEqual([]);
  });

  it('throws RefusedError when the same workflow is already running, and starts nothing', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', { 'fact-process': 'ops-1' });
    const ctx = mockedContext('dev');

    // Act
    const error = await rerunCommand(ctx, 'fact-process').catch((caught: Error) => caught);

    // Assess
    expect((error as Error).message).toMatch(/^Fact Process is already running \(execution ops-1 since 2026-12-01 17:00:00 UTC\)/);
    expect((error as RefusedError).details).toMatchObject({ reason: 'already-running' });
    expect(sentSfn()).toEqual(['ListStateMachinesCommand', 'ListExecutionsCommand', 'ListExecutionsCommand']);
  });

  it.each(['launch-emr-cluster', 'fact-process'] as const)(
    'throws RefusedError for %s while Terminate EMR Cluster runs, and starts nothing',
    async (workflow) => {
      // Prepare
      givenStateMachines(mocks, 'dev');
      givenRunning('dev', { 'terminate-emr-cluster': 'cleanup-1' });
      const ctx = mockedContext('dev');

      // Act
      const error = await rerunCommand(ctx, workflow).catch((caught: Error) => caught);

      // Assess
      expect((error as Error).message).toMatch(
        /^Terminate EMR Cluster is running \(execution cleanup-1 since 2026-12-01 17:00:00 UTC\): it is terminating/,
      );
      expect(mocks.s3.calls()).toEqual([]);
      expect(mocks.sfn.commandCalls(StartExecutionCommand)).toEqual([]);
    },
  );

  it('throws RefusedError when the workflow needs a cluster and the state file names none', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', {});
    givenStateFile(mocks, 'dev', undefined);
    const ctx = mockedContext('dev');

    // Act
    const error = await rerunCommand(ctx, 'fact-process').catch((caught: Error) => caught);

    // Assess
    expect((error as Error).message).toBe(
      `Fact Process needs a running cluster and the state file s3://${getEnvironment('dev').bucket}/${s3Layout.stateFileKey} names none: re-run launch-emr-cluster first`,
    );
    expect(mocks.emr.calls()).toEqual([]);
    expect(mocks.sfn.commandCalls(StartExecutionCommand)).toEqual([]);
  });

  it.each(['TERMINATED', 'TERMINATING', 'STARTING'])('throws RefusedError when the cluster the state file names is %s', async (state) => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', {});
    givenStateFile(mocks, 'dev', 'j-1ABC');
    givenCluster(state);
    const ctx = mockedContext('dev');

    // Act
    const error = await rerunCommand(ctx, 'add-emr-workers').catch((caught: Error) => caught);

    // Assess
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Add EMR Workers needs a running cluster and the cluster the state file names, j-1ABC, is ${state}: re-run launch-emr-cluster first`,
      ),
    );
    expect(mocks.sfn.commandCalls(StartExecutionCommand)).toEqual([]);
  });

  it('throws RefusedError for Launch EMR Cluster when a cluster of the environment name is active, whatever the state file says', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', {});
    mocks.emr.on(ListClustersCommand).resolves({
      Clusters: [
        { Id: 'j-OTHER', Name: 'another-team', Status: { State: 'WAITING' } },
        { Id: 'j-1ABC', Name: 'data-pipeline-dev', Status: { State: 'BOOTSTRAPPING' } },
      ],
    });
    const ctx = mockedContext('dev');

    // Act
    const error = await rerunCommand(ctx, 'launch-emr-cluster').catch((caught: Error) => caught);

    // Assess
    expect((error as Error).message).toBe(
      'cluster j-1ABC of the name data-pipeline-dev is BOOTSTRAPPING: Launch EMR Cluster would stop at its duplicate check; re-run the child that failed, or terminate-emr-cluster first',
    );
    expect((error as RefusedError).details).toEqual({ reason: 'cluster-up', clusterId: 'j-1ABC', clusterState: 'BOOTSTRAPPING' });
    expect(mocks.emr.commandCalls(ListClustersCommand).map((call) => call.args[0].input)).toEqual([
      { ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] },
    ]);
    expect(mocks.s3.calls()).toEqual([]);
    expect(mocks.sfn.commandCalls(StartExecutionCommand)).toEqual([]);
  });

  it('starts Launch EMR Cluster when no cluster of the name is active, and Terminate EMR Cluster, without reading the state file', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', {});
    mocks.emr.on(ListClustersCommand).resolves({ Clusters: [{ Id: 'j-OTHER', Name: 'another-team', Status: { State: 'WAITING' } }] });
    const ctx = mockedContext('dev');

    // Act
    const launched = await rerunCommand(ctx, 'launch-emr-cluster');
    const terminated = await rerunCommand(ctx, 'terminate-emr-cluster');

    // Assess
    expect([launched.code, terminated.code]).toEqual([0, 0]);
    expect(mocks.s3.calls()).toEqual([]);
    expect(mocks.sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input.stateMachineArn)).toEqual([
      arnOf('dev', 'launch-emr-cluster'),
      arnOf('dev', 'terminate-emr-cluster'),
    ]);
  });

  it('throws UsageError for the Master, which is not a child workflow', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    const ctx = mockedContext('dev');

    // Act
    const error = await rerunCommand(ctx, 'master').catch((caught: Error) => caught);

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(sentSfn()).toEqual(['ListStateMachinesCommand']);
  });

  it('throws RefusedError in prod without --yes when there is no terminal to ask on', async () => {
    // Prepare
    givenStateMachines(mocks, 'prod');
    givenRunning('prod', {});
    givenStateFile(mocks, 'prod', undefined);
    const ctx = mockedContext('prod');

    // Act
    const error = await rerunCommand(ctx, 'terminate-emr-cluster').catch((caught: Error) => caught);

    // Assess
    expect((error as Error).message).toBe('prod needs confirmation: run it on a terminal, or add --yes');
    expect(mocks.sfn.commandCalls(StartExecutionCommand)).toEqual([]);
  });

  it('asks in prod and starts only on yes; --yes starts without asking', async () => {
    // Prepare
    givenStateMachines(mocks, 'prod');
    givenRunning('prod', {});
    givenStateFile(mocks, 'prod', undefined);
    const questions: string[] = [];
    const answers = [false, true];
    const ctx = mockedContext('prod', {
      ask: async (question) => {
        questions.push(question);
        return answers.shift() ?? false;
      },
    });

    // Act
    const declined = await rerunCommand(ctx, 'terminate-emr-cluster').catch((caught: Error) => caught);
    const confirmed = await rerunCommand(ctx, 'terminate-emr-cluster');
    const forced = await rerunCommand(ctx, 'terminate-emr-cluster', { yes: true });

    // Assess
    expect((declined as Error).message).toBe('not confirmed: nothing was started');
    expect([confirmed.code, forced.code]).toEqual([0, 0]);
    expect(questions).toEqual([
      'Start Terminate EMR Cluster (data-pipeline-prod-terminate-emr-cluster) in prod?',
      'Start Terminate EMR Cluster (data-pipeline-prod-terminate-emr-cluster) in prod?',
    ]);
    expect(mocks.sfn.commandCalls(StartExecutionCommand)).toHaveLength(2);
  });

  it('returns exit code 1 with the failure when it waits and the execution fails', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    givenRunning('dev', {});
    givenStateFile(mocks, 'dev', undefined);
    const started = new Date('2026-12-01T18:00:00Z');
    mocks.sfn
      .on(DescribeExecutionCommand)
      .resolvesOnce({
        status: 'RUNNING',
        startDate: started,
        stateMachineArn: arnOf('dev', 'terminate-emr-cluster'),
        executionArn: 'e',
        name: 'n',
      })
      .resolves({
        status: 'FAILED',
        startDate: started,
        stopDate: new Date('2026-12-01T18:01:30Z'),
        stateMachineArn: arnOf('dev', 'terminate-emr-cluster'),
        executionArn: 'e',
        name: 'n',
        error: 'ResourceNotFoundError',
        cause: 'no cluster j-1',
      });
    mocks.sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        { id: 1, type: 'ExecutionStarted', timestamp: started },
        { id: 2, type: 'TaskStateEntered', timestamp: started, stateEnteredEventDetails: { name: 'Terminate cluster', input: '{}' } },
        {
          id: 3,
          type: 'LambdaFunctionFailed',
          timestamp: started,
          lambdaFunctionFailedEventDetails: { error: 'ResourceNotFoundError', cause: 'no cluster j-1' },
        },
        {
          id: 4,
          type: 'ExecutionFailed',
          timestamp: started,
          executionFailedEventDetails: { error: 'ResourceNotFoundError', cause: 'no cluster j-1' },
        },
      ],
    });
    const ctx = mockedContext('dev');

    // Act
    const result = await rerunCommand(ctx, 'terminate-emr-cluster', { wait: true });

    // Assess
    expect(result.code).toBe(1);
    expect(result.data).toMatchObject({
      status: 'FAILED',
      durationMs: 90_000,
      history: { failure: { state: 'Terminate cluster', error: 'ResourceNotFoundError' } },
    });
    expect(ctx.printed.lines.join('\n')).toContain('Terminate cluster');
  });
});

describe('Function: rerunExecutionName', () => {
  it('returns at most 80 characters ending with the time and suffix, even for a long state machine name', () => {
    // Act
    const name = rerunExecutionName('x'.repeat(80), new Date('2026-12-01T18:00:00Z'), 'beef');

    // Assess
    expect(name).toHaveLength(80);
    expect(name.endsWith('_ops_20261201180000_beef')).toBe(true);
  });
});

void ListStateMachinesCommand;
