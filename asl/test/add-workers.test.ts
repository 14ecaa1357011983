import { describe, expect, it } from 'vitest';
import { sampleReferences } from '../src/sample-references';
import { FakeCloud } from './support/fake-cloud';

const refs = sampleReferences();
const TERMINATE_ARN = refs.stateMachines['terminate-emr-cluster'];
const POLL = ['Wait for workers', 'Check workers', 'Workers added?'];

describe('Function: Add EMR Workers', () => {
  it('returns the resized fleet when the resize answers ADDING, then SUCCESS', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { resize: ['ADDING', 'ADDING', 'ADDING', 'SUCCESS'] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('add-emr-workers');

    // Assess
    expect(result.visited).toEqual(['Read cluster id', 'Add spot workers', ...POLL, ...POLL, ...POLL, ...POLL, 'Workers added']);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { ClusterId: cluster.id, WorkerInstanceFleetId: 'if-WORKERS1', TargetTotalWorkers: 6, Status: 'SUCCESS' },
    });
    expect(cloud.calls('status-add-worker-instances-emr')[0]?.input).toEqual({
      ClusterId: cluster.id,
      WorkerInstanceFleetId: 'if-WORKERS1',
      TargetTotalWorkers: 6,
      Status: 'ADDING',
    });
  });

  it('throws WorkerResizeFailed, notifies and starts Terminate for the cluster when the resize answers ERROR', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { resize: ['ADDING', 'ERROR'] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('add-emr-workers');

    // Assess
    expect(result.visited).toEqual([
      'Read cluster id',
      'Add spot workers',
      ...POLL,
      ...POLL,
      'Short of spot capacity?',
      'Workers not added',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      'Add EMR Workers failed',
    ]);
    const message = `Add EMR Workers failed in state Check workers: WorkerResizeFailed: the worker fleet if-WORKERS1 of cluster ${cluster.id} did not reach 6 workers`;
    expect(cloud.messages).toEqual([{ Subject: 'data-pipeline: Add EMR Workers failed', Message: message }]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: cluster.id },
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'WorkerResizeFailed', cause: message });
  });

  it('returns the fleet and sends a notice, starting no termination, when the resize ends short of spot capacity', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { resize: ['ADDING', 'ERROR'], resizeShortfall: 2 });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('add-emr-workers');

    // Assess
    expect(result.visited).toEqual([
      'Read cluster id',
      'Add spot workers',
      ...POLL,
      ...POLL,
      'Short of spot capacity?',
      'Notify fewer workers',
      'Workers added',
    ]);
    expect(cloud.messages).toEqual([
      {
        Subject: 'data-pipeline: Add EMR Workers: fewer workers',
        Message: `The worker fleet if-WORKERS1 of cluster ${cluster.id} has 2 of its 6 workers: spot capacity was not available. The pipeline goes on with them.`,
      },
    ]);
    expect(cloud.calls('submit-stepfunction')).toEqual([]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Status: 'ERROR', CapacityShortfall: { ProvisionedWorkers: 2 } } });
  });

  it('throws the Lambda error and starts Terminate from the state file when the cluster id cannot be read', async () => {
    // Prepare
    const cloud = new FakeCloud(refs);

    // Act
    const result = await cloud.run('add-emr-workers');

    // Assess
    expect(result.visited).toEqual([
      'Read cluster id',
      'Read cluster id failed',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      'Add EMR Workers failed',
    ]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([{ nextStateMachineArn: TERMINATE_ARN }]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'NoClusterRecordedError',
      cause:
        'Add EMR Workers failed in state Read cluster id: NoClusterRecordedError: state file s3://data-pipeline-work-area/data-workflows/prod/state_info/data_pipeline_ClusterId.info: does not exist: no cluster is recorded as running',
    });
  });

  it('throws UnexpectedStatus instead of polling forever when the resize answers a status outside the contract', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { resize: ['PENDING' as 'ADDING'] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('add-emr-workers');

    // Assess
    expect(result.visited.slice(-5)).toEqual([
      'Unexpected resize status',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      'Add EMR Workers failed',
    ]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'UnexpectedStatus',
      cause: `Add EMR Workers failed in state Check workers: UnexpectedStatus: status-add-worker-instances-emr answered {"ClusterId":"${cluster.id}","WorkerInstanceFleetId":"if-WORKERS1","TargetTotalWorkers":6,"Status":"PENDING"}`,
    });
  });

  it('throws the Lambda error after the cluster was told to terminate when starting Terminate fails, notifying twice', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      resize: ['ERROR'],
      faults: [{ lambda: 'submit-stepfunction', error: { name: 'StateMachineDoesNotExist', message: 'no such state machine' } }],
    });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('add-emr-workers');

    // Assess
    expect(result.visited.slice(-4)).toEqual([
      'Cluster may be running?',
      'Start cluster termination',
      'Notify termination not started',
      'Add EMR Workers failed',
    ]);
    const first = `Add EMR Workers failed in state Check workers: WorkerResizeFailed: the worker fleet if-WORKERS1 of cluster ${cluster.id} did not reach 6 workers`;
    expect(cloud.messages.map((m) => m.Message)).toEqual([
      first,
      `${first} The cluster may still be running: Terminate EMR Cluster could not be started: StateMachineDoesNotExist: no such state machine`,
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'WorkerResizeFailed', cause: first });
  });
});
