import { describe, expect, it } from 'vitest';
import { sampleReferences } from '../src/sample-references';
import { FakeCloud } from './support/fake-cloud';
import { STATE_FILE } from './support/state-file';

const refs = sampleReferences();
const TERMINATE_ARN = refs.stateMachines.terminate;
const SUBJECT = 'data-pipeline: Launch EMR Cluster failed';
const UP_TO_LAUNCH = ['Check for running cluster', 'Cluster already running?', 'Launch cluster'];
const POLL = ['Wait for cluster start', 'Check cluster status', 'Cluster started?'];

describe('Function: Launch EMR Cluster', () => {
  it('returns the started cluster and records its id when it starts after polling', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { clusterStart: ['STARTING', 'STARTING', 'STARTED'] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      ...POLL,
      ...POLL,
      ...POLL,
      'Record cluster id',
      'Cluster id recorded?',
      'Cluster ready',
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ClusterId: 'j-CLUSTER1', Status: 'STARTED' } });
    expect(cloud.calls('status-emr').map((call) => call.input)).toEqual(Array(3).fill({ ClusterId: 'j-CLUSTER1' }));
    expect(cloud.s3.text(STATE_FILE)).toBe('j-CLUSTER1');
    expect(cloud.messages).toEqual([]);
  });

  it('throws ClusterAlreadyRunning before RunJobFlow when a cluster of the same name runs', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { clusterOfSameNameRunning: true });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      'Check for running cluster',
      'Cluster already running?',
      'Cluster already running',
      'Notify failure',
      'Cluster may be running?',
      'Launch EMR Cluster failed',
    ]);
    expect(cloud.calls('launch-emr')).toEqual([]);
    expect(cloud.started()).toEqual([]);
    const message =
      'Launch EMR Cluster failed in state Check for running cluster: ClusterAlreadyRunning: a cluster with the configured name is already starting or running; not launching another (run Terminate EMR Cluster first if it is left over)';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ClusterAlreadyRunning', cause: message });
  });

  it('throws EmrClusterStopped, notifies and terminates nothing when the cluster stops while starting', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { clusterStart: ['STARTING', 'STOPPED'] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      ...POLL,
      ...POLL,
      'Cluster stopped while starting',
      'Notify failure',
      'Cluster may be running?',
      'Launch EMR Cluster failed',
    ]);
    const message =
      'Launch EMR Cluster failed in state Check cluster status: EmrClusterStopped: cluster j-CLUSTER1 stopped before it started; its state change reason is in the EMR console';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(cloud.started()).toEqual([]);
    expect(cloud.s3.text(STATE_FILE)).toBeUndefined();
    expect(result).toMatchObject({ status: 'FAILED', error: 'EmrClusterStopped', cause: message });
  });

  it('throws StateFileNotWritten and starts Terminate for the cluster when the state file does not read back', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { stateFileReadBack: 'j-SOMEONEELSE' });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      ...POLL,
      ...POLL,
      'Record cluster id',
      'Cluster id recorded?',
      'Cluster id not recorded',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      'Launch EMR Cluster failed',
    ]);
    const message =
      'Launch EMR Cluster failed in state Record cluster id: StateFileNotWritten: the state file did not read back cluster j-CLUSTER1: write-state-info-to-s3 answered {"ClusterId":"j-CLUSTER1","Status":"FAIL"}';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: 'j-CLUSTER1' },
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'StateFileNotWritten', cause: message });
  });

  it('returns the started cluster when status-emr is throttled once (Retry)', async () => {
    // Prepare
    const throttled = { name: 'Lambda.TooManyRequestsException', message: 'Rate Exceeded.' };
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'status-emr', error: throttled, times: 1 }] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([...UP_TO_LAUNCH, ...POLL, ...POLL, 'Record cluster id', 'Cluster id recorded?', 'Cluster ready']);
    expect(result.retried).toEqual(['Check cluster status']);
    expect(cloud.calls('status-emr')).toHaveLength(3);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ClusterId: 'j-CLUSTER1', Status: 'STARTED' } });
    expect(cloud.messages).toEqual([]);
  });

  it('throws the Lambda error and starts Terminate for the cluster when status-emr fails for good (Catch)', async () => {
    // Prepare
    const denied = { name: 'AccessDeniedException', message: 'not authorized to perform elasticmapreduce:DescribeCluster' };
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'status-emr', error: denied }] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      'Wait for cluster start',
      'Check cluster status',
      'Check cluster status failed',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      'Launch EMR Cluster failed',
    ]);
    expect(result.retried).toEqual([]);
    const message =
      'Launch EMR Cluster failed in state Check cluster status: AccessDeniedException: not authorized to perform elasticmapreduce:DescribeCluster';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: 'j-CLUSTER1' },
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'AccessDeniedException', cause: message });
  });

  it('throws the Lambda error and starts no termination when launch-emr itself fails', async () => {
    // Prepare
    const invalid = { name: 'ValidationException', message: 'The requested instance type m5.tiny is not supported' };
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'launch-emr', error: invalid }] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      'Launch cluster failed',
      'Notify failure',
      'Cluster may be running?',
      'Launch EMR Cluster failed',
    ]);
    expect(cloud.started()).toEqual([]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'ValidationException',
      cause: 'Launch EMR Cluster failed in state Launch cluster: ValidationException: The requested instance type m5.tiny is not supported',
    });
  });

  it('throws the Lambda error after the last retry when send-msg-sns keeps failing, still ending in Fail', async () => {
    // Prepare
    const unavailable = { name: 'Lambda.ServiceException', message: 'Lambda is unavailable' };
    const cloud = new FakeCloud(refs, {
      clusterOfSameNameRunning: true,
      faults: [{ lambda: 'send-msg-sns', error: unavailable }],
    });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.retried).toEqual(Array(6).fill('Notify failure'));
    expect(cloud.calls('send-msg-sns')).toHaveLength(7);
    expect(result.visited.slice(-3)).toEqual(['Notify failure', 'Cluster may be running?', 'Launch EMR Cluster failed']);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ClusterAlreadyRunning' });
  });
});
