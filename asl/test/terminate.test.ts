import { describe, expect, it } from 'vitest';
import { sampleReferences } from '../src/sample-references';
import { FakeCloud } from './support/fake-cloud';
import { STATE_FILE } from './support/state-file';

const refs = sampleReferences();
const POLL = ['Wait for cluster stop', 'Check cluster stopped', 'Cluster stopped?'];
const UNRECORDED = [
  'Cluster id given?',
  'Read cluster id',
  'Cluster recorded?',
  'Look for unrecorded clusters',
  'Unrecorded cluster running?',
];

describe('Function: Terminate EMR Cluster', () => {
  it('returns the stopped cluster and clears the state file when the state file records one', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { clusterStop: ['STARTED', 'STARTED', 'STOPPED'] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      'Cluster id given?',
      'Read cluster id',
      'Terminate cluster',
      ...POLL,
      ...POLL,
      ...POLL,
      'Clear state file',
      'Cluster terminated',
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ClusterId: cluster.id, Status: 'STOPPED' } });
    expect(cluster.state).toBe('TERMINATED');
    expect(cloud.s3.text(STATE_FILE)).toBeUndefined();
    expect(cloud.calls('check-duplicate-emr')).toEqual([]);
  });

  it('terminates the cluster given as ClusterId without reading the state file', async () => {
    // Prepare
    const cloud = new FakeCloud(refs);
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('terminate-emr-cluster', {
      nextStateMachineArn: refs.stateMachines['terminate-emr-cluster'],
      ClusterId: cluster.id,
    });

    // Assess
    expect(result.visited).toEqual([
      'Cluster id given?',
      'Use given cluster id',
      'Terminate cluster',
      ...POLL,
      ...POLL,
      'Clear state file',
      'Cluster terminated',
    ]);
    expect(cloud.calls('read-state-info-from-s3')).toEqual([]);
    expect(cloud.calls('terminate-emr').map((call) => call.input)).toEqual([{ ClusterId: cluster.id }]);
    expect(cluster.state).toBe('TERMINATED');
  });

  it('returns NOTHING_TO_TERMINATE with nothing Terminated, without notifying, when no cluster is recorded or running', async () => {
    // Prepare
    const cloud = new FakeCloud(refs);

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([...UNRECORDED, 'Nothing to terminate']);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        Status: 'NOTHING_TO_TERMINATE',
        Reason:
          'state file s3://data-pipeline-work-area/data-workflows/prod/state_info/data_pipeline_ClusterId.info: does not exist: no cluster is recorded as running',
        Terminated: [],
      },
    });
    expect(cloud.calls('check-duplicate-emr').map((call) => call.input)).toEqual([{}]);
    expect(cloud.calls('terminate-emr')).toEqual([]);
    expect(cloud.messages).toEqual([]);
  });

  it('returns NOTHING_TO_TERMINATE listing as Terminated the running clusters of the name when none is recorded', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { clusterOfSameNameRunning: true });
    const stopped = cloud.givenRunningCluster();
    stopped.state = 'TERMINATED';
    cloud.s3.deleteObject({ Bucket: STATE_FILE.bucket, Key: STATE_FILE.key });

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([...UNRECORDED, 'Terminate unrecorded clusters', 'Nothing to terminate']);
    expect(result.items).toEqual([['Terminate unrecorded cluster', 'Termination requested']]);
    expect(cloud.calls('terminate-emr').map((call) => call.input)).toEqual([{ ClusterId: 'j-CLUSTER1' }]);
    expect(cloud.clusters.map((cluster) => [cluster.id, cluster.state])).toEqual([
      ['j-CLUSTER1', 'TERMINATING'],
      ['j-CLUSTER2', 'TERMINATED'],
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Status: 'NOTHING_TO_TERMINATE', Terminated: ['j-CLUSTER1'] } });
    expect(cloud.messages).toEqual([]);
  });

  it('throws the Lambda error and notifies when looking for unrecorded clusters fails', async () => {
    // Prepare
    const denied = { name: 'AccessDeniedException', message: 'not authorized to perform elasticmapreduce:ListClusters' };
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'check-duplicate-emr', error: denied }] });

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UNRECORDED.slice(0, 4),
      'Look for unrecorded clusters failed',
      'Notify failure',
      'Terminate EMR Cluster failed',
    ]);
    const message = `Terminate EMR Cluster failed in state Look for unrecorded clusters: AccessDeniedException: ${denied.message}`;
    expect(cloud.messages).toEqual([{ Subject: 'data-pipeline: Terminate EMR Cluster failed', Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'AccessDeniedException', cause: message });
  });

  it('throws the Lambda error and notifies when terminating an unrecorded cluster fails', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      clusterOfSameNameRunning: true,
      faults: [{ lambda: 'terminate-emr', error: { name: 'InternalServerError', message: 'EMR had a problem' } }],
    });

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      ...UNRECORDED,
      'Terminate unrecorded clusters',
      'Terminate unrecorded clusters failed',
      'Notify failure',
      'Terminate EMR Cluster failed',
    ]);
    expect(result.items).toEqual([['Terminate unrecorded cluster', 'Unrecorded cluster not terminated']]);
    const message = 'Terminate EMR Cluster failed in state Terminate unrecorded clusters: InternalServerError: EMR had a problem';
    expect(cloud.messages).toEqual([{ Subject: 'data-pipeline: Terminate EMR Cluster failed', Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'InternalServerError', cause: message });
  });

  it('throws the Lambda error and notifies when the state file cannot be read for another reason', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [{ lambda: 'read-state-info-from-s3', error: { name: 'StateFileError', message: 'state file s3://b/k: cannot be read' } }],
    });

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      'Cluster id given?',
      'Read cluster id',
      'Cluster recorded?',
      'Read cluster id failed',
      'Notify failure',
      'Terminate EMR Cluster failed',
    ]);
    const message = 'Terminate EMR Cluster failed in state Read cluster id: StateFileError: state file s3://b/k: cannot be read';
    expect(cloud.messages).toEqual([{ Subject: 'data-pipeline: Terminate EMR Cluster failed', Message: message }]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'StateFileError', cause: message });
  });

  it('throws the Lambda error, notifies and starts no other termination when terminate-emr fails', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [{ lambda: 'terminate-emr', error: { name: 'InternalServerError', message: 'EMR had a problem' } }],
    });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      'Cluster id given?',
      'Read cluster id',
      'Terminate cluster',
      'Terminate cluster failed',
      'Cluster left running',
      'Notify failure',
      'Terminate EMR Cluster failed',
    ]);
    expect(cloud.started()).toEqual([]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'InternalServerError',
      cause:
        'Terminate EMR Cluster failed in state Terminate cluster: InternalServerError: EMR had a problem Cluster j-CLUSTER1 may still be running: terminate it by hand (pnpm ops cluster shows it); its idle auto-termination ends it otherwise.',
    });
  });
});
