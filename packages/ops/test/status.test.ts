import {
  DescribeClusterCommand,
  ListClustersCommand,
  ListInstanceFleetsCommand,
  ListInstancesCommand,
  ListStepsCommand,
} from '@aws-sdk/client-emr';
import { GetExecutionHistoryCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { beforeEach, describe, expect, it } from 'vitest';
import { clusterCommand } from '../src/commands/cluster';
import { statusCommand } from '../src/commands/status';
import { colors } from '../src/output/format';
import { arnOf, givenStateFile, givenStateMachines, type MockedAws, mockedAws, mockedContext } from './support/mocked';

const mocks: MockedAws = mockedAws();
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 1, 17, minute, second));

describe('Function: statusCommand', () => {
  beforeEach(() => {
    mocks.sfn.reset();
    mocks.emr.reset();
    mocks.s3.reset();
  });

  it('returns the latest executions of every workflow with durations, the recorded cluster and its state, and the last notification', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    mocks.sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    mocks.sfn.on(ListExecutionsCommand, { stateMachineArn: arnOf('dev', 'fact-process') }).resolves({
      executions: [
        { executionArn: 'arn:f2', stateMachineArn: arnOf('dev', 'fact-process'), name: 'f2', status: 'RUNNING', startDate: at(58) },
        {
          executionArn: 'arn:f1',
          stateMachineArn: arnOf('dev', 'fact-process'),
          name: 'f1',
          status: 'FAILED',
          startDate: at(10),
          stopDate: at(11, 15),
        },
      ],
    });
    mocks.sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        { id: 9, type: 'WaitStateExited', timestamp: at(59), stateExitedEventDetails: { name: 'Wait for load' } },
        { id: 8, type: 'TaskStateEntered', timestamp: at(59), stateEnteredEventDetails: { name: 'Check load' } },
      ],
    });
    givenStateFile(mocks, 'dev', 'j-1ABC');
    mocks.emr.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-1ABC', Name: 'data-pipeline-dev', Status: { State: 'WAITING' } } });
    const ctx = mockedContext('dev', {
      notifications: async () => [
        { subject: 'data-pipeline: Master succeeded', message: 'ok', timestamp: '2026-12-01T16:00:00Z' },
        { subject: 'data-pipeline: Fact Process failed', message: 'step failed', timestamp: '2026-12-01T17:11:15Z' },
      ],
    });

    // Act
    const result = await statusCommand(ctx, { limit: 2 });
    const text = result.render(colors(false));

    // Assess
    expect(mocks.sfn.commandCalls(ListExecutionsCommand).map((call) => call.args[0].input)).toEqual(
      WORKFLOW_IDS.map((id) => ({ stateMachineArn: arnOf('dev', id), maxResults: 2 })),
    );
    expect(
      result.data.executions
        .find((entry) => entry.workflow === 'fact-process')
        ?.executions.map((e) => [e.name, e.status, e.durationMs, e.currentState]),
    ).toEqual([
      ['f2', 'RUNNING', 120_000, 'Check load'],
      ['f1', 'FAILED', 75_000, undefined],
    ]);
    expect(mocks.sfn.commandCalls(GetExecutionHistoryCommand).map((call) => call.args[0].input)).toEqual([
      { executionArn: 'arn:f2', reverseOrder: true, maxResults: 20 },
    ]);
    expect(result.data.cluster).toEqual({ id: 'j-1ABC', name: 'data-pipeline-dev', state: 'WAITING' });
    expect(result.data.lastNotification?.subject).toBe('data-pipeline: Fact Process failed');
    expect(text).toContain(
      [
        'fact-process           RUNNING    2026-12-01 17:58:00  2m 00s  f2         Check load',
        '                       FAILED     2026-12-01 17:10:00  1m 15s  f1',
      ].join('\n'),
    );
    expect(text).toContain('\nmaster                 never run\n');
    expect(text).toContain('  j-1ABC  WAITING  (state file s3://');
    expect(text).toContain('  2026-12-01 17:11:15  data-pipeline: Fact Process failed\n  step failed');
  });

  it('says the notifications are not readable on AWS and that no cluster is recorded', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    mocks.sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    givenStateFile(mocks, 'dev', undefined);
    const ctx = mockedContext('dev');

    // Act
    const result = await statusCommand(ctx);
    const text = result.render(colors(false));

    // Assess
    expect(result.data.stateFile.kind).toBe('none');
    expect(result.data.lastNotification).toBeUndefined();
    expect(text).toContain('none recorded: state file s3://');
    expect(text).toContain('not readable here: SNS keeps no messages');
    expect(mocks.emr.calls()).toEqual([]);
  });
});

describe('Function: clusterCommand', () => {
  beforeEach(() => {
    mocks.sfn.reset();
    mocks.emr.reset();
    mocks.s3.reset();
  });

  it('returns the recorded cluster with its fleets, instances and steps', async () => {
    // Prepare
    givenStateFile(mocks, 'dev', 'j-1ABC');
    mocks.emr.on(DescribeClusterCommand).resolves({
      Cluster: {
        Id: 'j-1ABC',
        Name: 'data-pipeline-dev',
        Status: { State: 'RUNNING', Timeline: { CreationDateTime: at(0), ReadyDateTime: at(6) } },
      },
    });
    mocks.emr.on(ListInstanceFleetsCommand).resolves({
      InstanceFleets: [
        {
          Id: 'if-C',
          InstanceFleetType: 'CORE',
          Status: { State: 'RESIZING' },
          TargetOnDemandCapacity: 1,
          TargetSpotCapacity: 3,
          ProvisionedOnDemandCapacity: 1,
          ProvisionedSpotCapacity: 1,
          InstanceTypeSpecifications: [{ InstanceType: 'm5.xlarge' }, { InstanceType: 'm6i.xlarge' }],
        },
      ],
    });
    mocks.emr.on(ListInstancesCommand).resolves({
      Instances: [
        { Ec2InstanceId: 'i-1', InstanceFleetId: 'if-C', InstanceType: 'm5.xlarge', Market: 'SPOT', Status: { State: 'RUNNING' } },
      ],
    });
    mocks.emr.on(ListStepsCommand).resolves({
      Steps: [
        {
          Id: 's-1',
          Name: 'sample_country_tx_fact - load into warehouse',
          Status: {
            State: 'FAILED',
            FailureDetails: { Reason: 'bad row', Message: 'line 1\nline 2' },
            Timeline: { StartDateTime: at(7), EndDateTime: at(8) },
          },
        },
      ],
    });
    const ctx = mockedContext('dev');

    // Act
    const result = await clusterCommand(ctx);
    const text = result.render(colors(false));

    // Assess
    expect(result.data.source).toBe('state-file');
    expect(result.data.fleets).toEqual([
      {
        id: 'if-C',
        type: 'CORE',
        state: 'RESIZING',
        target: { onDemand: 1, spot: 3 },
        provisioned: { onDemand: 1, spot: 1 },
        instanceTypes: ['m5.xlarge', 'm6i.xlarge'],
      },
    ]);
    expect(mocks.emr.commandCalls(ListStepsCommand).map((call) => call.args[0].input)).toEqual([{ ClusterId: 'j-1ABC' }]);
    expect(text).toContain('if-C   CORE  RESIZING  1/1        1/3   m5.xlarge, m6i.xlarge');
    expect(text).toContain('i-1       if-C   m5.xlarge  SPOT    RUNNING');
    expect(text).toContain(
      's-1   sample_country_tx_fact - load into warehouse  FAILED  2026-12-01 17:07:00  1m 00s  bad row: line 1 line 2',
    );
  });

  it('returns an active cluster of the environment name when the state file names none, and says so', async () => {
    // Prepare
    givenStateFile(mocks, 'dev', undefined);
    mocks.emr.on(ListClustersCommand).resolves({
      Clusters: [
        { Id: 'j-OTHER', Name: 'someone-else' },
        { Id: 'j-2LEFT', Name: 'data-pipeline-dev' },
      ],
    });
    mocks.emr.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-2LEFT', Name: 'data-pipeline-dev', Status: { State: 'WAITING' } } });
    mocks.emr.on(ListInstanceFleetsCommand).resolves({ InstanceFleets: [] });
    mocks.emr.on(ListInstancesCommand).resolves({ Instances: [] });
    mocks.emr.on(ListStepsCommand).resolves({ Steps: [] });
    const ctx = mockedContext('dev');

    // Act
    const result = await clusterCommand(ctx);

    // Assess
    expect(result.data).toMatchObject({ source: 'active-cluster', cluster: { id: 'j-2LEFT' } });
    expect(mocks.emr.commandCalls(ListClustersCommand).map((call) => call.args[0].input)).toEqual([
      { ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] },
    ]);
    expect(result.data.reason).toMatch(/j-2LEFT is up under the environment's cluster name$/);
  });
});

describe('Function: readStateFile', () => {
  it('returns unreadable with a hint when S3 denies reading the state file', async () => {
    // Prepare
    const { GetObjectCommand, S3ServiceException, S3Client } = await import('@aws-sdk/client-s3');
    const { readStateFile } = await import('../src/aws/cluster');
    mocks.s3.reset();
    mocks.s3
      .on(GetObjectCommand)
      .rejects(
        new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'Access Denied' }),
      );

    // Act
    const reading = await readStateFile(new S3Client({ region: 'us-east-1' }), 'bucket');

    // Assess
    expect(reading).toEqual({
      kind: 'unreadable',
      location: `s3://bucket/data-workflows/prod/state_info/data_pipeline_ClusterId.info`,
      reason:
        'state file s3://bucket/data-workflows/prod/state_info/data_pipeline_ClusterId.info: cannot be read: AccessDenied: Access Denied (S3 answers 403 for a missing object when s3:ListBucket on its key is not granted)',
    });
  });
});
