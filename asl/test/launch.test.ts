import { describe, expect, it } from 'vitest';
import { sampleReferences } from '../src/sample-references';
import { FakeCloud } from './support/fake-cloud';
import { STATE_FILE } from './support/state-file';

const refs = sampleReferences();
const TERMINATE_ARN = refs.stateMachines['terminate-emr-cluster'];
const SUBJECT = 'data-pipeline: Launch EMR Cluster failed';
const UP_TO_LAUNCH = ['Check for running cluster', 'Cluster already running?', 'Launch cluster'];
const POLL = ['Wait for cluster start', 'Check cluster status', 'Cluster started?'];
const LOOK_FOR_LEFT_OVER = [
  'Launch cluster failed',
  'Wait before looking for launched clusters',
  'Look for launched clusters',
  'Clusters left by the launch?',
];
const FAIL = ['Notify failure', 'Cluster may be running?', 'Launch EMR Cluster failed'];

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
      'Launch EMR Cluster failed in state Check for running cluster: ClusterAlreadyRunning: a cluster with the configured name is already starting or running (["j-CLUSTER1"]); not launching another (run Terminate EMR Cluster first if it is left over)';
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
      'Launch EMR Cluster failed in state Check cluster status: EmrClusterStopped: cluster j-CLUSTER1 stopped before it started: TERMINATED_WITH_ERRORS: BOOTSTRAP_FAILURE: bootstrap action 1 failed';
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

  it('throws the Lambda error and terminates nothing when launch-emr fails before RunJobFlow and no cluster of the name runs', async () => {
    // Prepare
    const invalid = { name: 'ValidationException', message: 'The requested instance type m5.tiny is not supported' };
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'launch-emr', error: invalid }] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([...UP_TO_LAUNCH, ...LOOK_FOR_LEFT_OVER, 'No launched cluster found', ...FAIL]);
    expect(cloud.calls('check-duplicate-emr').map((call) => call.state)).toEqual([
      'Check for running cluster',
      'Look for launched clusters',
    ]);
    expect(cloud.calls('terminate-emr')).toEqual([]);
    expect(cloud.started()).toEqual([]);
    const message =
      'Launch EMR Cluster failed in state Launch cluster: ValidationException: The requested instance type m5.tiny is not supported — no cluster of the configured name was found running.';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ValidationException', cause: message });
  });

  it.each([
    ['Sandbox.Timedout', 'Task timed out after 60.00 seconds'],
    ['States.Timeout', 'The task timed out'],
    ['InternalServerError', 'EMR had a problem after RunJobFlow'],
  ])('throws %s and terminates the cluster RunJobFlow created when launch-emr fails after it', async (name, cause) => {
    // Prepare
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'launch-emr', error: { name, message: cause }, after: true }] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      ...LOOK_FOR_LEFT_OVER,
      'Terminate launched clusters',
      'Launched clusters terminated',
      ...FAIL,
    ]);
    expect(result.items).toEqual([['Terminate launched cluster', 'Termination requested']]);
    expect(cloud.calls('terminate-emr').map((call) => call.input)).toEqual([{ ClusterId: 'j-CLUSTER1' }]);
    expect(cloud.clusters.map((cluster) => [cluster.id, cluster.state])).toEqual([['j-CLUSTER1', 'TERMINATING']]);
    expect(cloud.started()).toEqual([]);
    expect(cloud.s3.text(STATE_FILE)).toBeUndefined();
    const message = `Launch EMR Cluster failed in state Launch cluster: ${name}: ${cause} — the launch had created cluster(s) ["j-CLUSTER1"]: their termination was requested.`;
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: name, cause: message });
  });

  it('throws the launch error, naming the error of the lookup, when looking for launched clusters fails too', async () => {
    // Prepare
    const timedOut = { name: 'Sandbox.Timedout', message: 'Task timed out after 60.00 seconds' };
    const denied = { name: 'AccessDeniedException', message: 'not authorized to perform elasticmapreduce:ListClusters' };
    const cloud = new FakeCloud(refs, {
      faults: [
        { lambda: 'launch-emr', error: timedOut, after: true },
        { lambda: 'check-duplicate-emr', state: 'Look for launched clusters', error: denied },
      ],
    });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([...UP_TO_LAUNCH, ...LOOK_FOR_LEFT_OVER.slice(0, 3), 'Launched clusters not looked for', ...FAIL]);
    expect(cloud.calls('terminate-emr')).toEqual([]);
    const message =
      'Launch EMR Cluster failed in state Launch cluster: Sandbox.Timedout: Task timed out after 60.00 seconds — looking for a cluster the launch may have created failed: AccessDeniedException: not authorized to perform elasticmapreduce:ListClusters; check the EMR console for a cluster of the configured name.';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Sandbox.Timedout', cause: message });
  });

  it('throws the launch error, naming the clusters and the error, when terminating a launched cluster fails', async () => {
    // Prepare
    const timedOut = { name: 'Sandbox.Timedout', message: 'Task timed out after 60.00 seconds' };
    const cloud = new FakeCloud(refs, {
      faults: [
        { lambda: 'launch-emr', error: timedOut, after: true },
        { lambda: 'terminate-emr', error: { name: 'InternalServerError', message: 'EMR had a problem' } },
      ],
    });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      ...LOOK_FOR_LEFT_OVER,
      'Terminate launched clusters',
      'Launched clusters not terminated',
      ...FAIL,
    ]);
    expect(result.items).toEqual([['Terminate launched cluster', 'Launched cluster not terminated']]);
    const message =
      'Launch EMR Cluster failed in state Launch cluster: Sandbox.Timedout: Task timed out after 60.00 seconds — the launch had created cluster(s) ["j-CLUSTER1"] and terminating them failed: InternalServerError: EMR had a problem; terminate them in the EMR console.';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Sandbox.Timedout', cause: message });
  });

  it('throws the Lambda error and starts Terminate for the cluster when write-state-info-to-s3 fails for good', async () => {
    // Prepare
    const denied = { name: 'AccessDenied', message: 'Access Denied' };
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'write-state-info-to-s3', error: denied }] });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UP_TO_LAUNCH,
      ...POLL,
      ...POLL,
      'Record cluster id',
      'Record cluster id failed',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      'Launch EMR Cluster failed',
    ]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: 'j-CLUSTER1' },
    ]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'AccessDenied',
      cause: 'Launch EMR Cluster failed in state Record cluster id: AccessDenied: Access Denied',
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
