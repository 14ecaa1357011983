// Terminate EMR Cluster: terminate the cluster (the one given as `ClusterId` in the input, else the
// one the state file records), poll until STOPPED, clear the state file. With no cluster recorded it
// still terminates any active cluster of the pipeline's name (a launch whose id was never recorded)
// and succeeds, so it can be started whenever a cluster may be running.
import { lambdaTask, StatesBuilder } from '../asl/builder';
import { NO_CLEANUP, WorkflowFailures } from '../asl/failure';
import { jsonOf, ref, text } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { StateMachineDefinition } from '../asl/types';
import type { WorkflowReferences } from '../references';
import { WORKFLOW_TITLES } from './registry';
import { addTerminateEach } from './terminate-each';

export const TERMINATE_STATES = {
  given: 'Cluster id given?',
  useGiven: 'Use given cluster id',
  read: 'Read cluster id',
  recorded: 'Cluster recorded?',
  findUnrecorded: 'Look for unrecorded clusters',
  anyUnrecorded: 'Unrecorded cluster running?',
  terminateUnrecorded: 'Terminate unrecorded clusters',
  terminateOne: 'Terminate unrecorded cluster',
  terminationRequested: 'Termination requested',
  terminationFailed: 'Unrecorded cluster not terminated',
  nothing: 'Nothing to terminate',
  terminate: 'Terminate cluster',
  wait: 'Wait for cluster stop',
  status: 'Check cluster stopped',
  stopped: 'Cluster stopped?',
  clear: 'Clear state file',
  done: 'Cluster terminated',
} as const;

/**
 * read-state-info-from-s3 fails with NoClusterRecordedError (a StateFileError) when the state file is
 * missing or empty (@data-pipeline/core's state file): nothing to terminate. Any other error is a failure.
 */
export const NO_CLUSTER_RECORDED = { error: 'NoClusterRecordedError' } as const;

export function terminateEmrCluster(refs: WorkflowReferences): StateMachineDefinition {
  const S = TERMINATE_STATES;
  const { lambdas } = refs;
  const b = new StatesBuilder();
  const failures = new WorkflowFailures({
    title: WORKFLOW_TITLES['terminate-emr-cluster'],
    builder: b,
    notifyResource: lambdas['send-msg-sns'],
    startWorkflowResource: lambdas['submit-stepfunction'],
  });
  const clusterId = ref('$.cluster.ClusterId');

  b.add(S.given, {
    Type: 'Choice',
    Choices: [{ Variable: '$.ClusterId', IsPresent: true, Next: S.useGiven }],
    Default: S.read,
  });
  b.add(S.useGiven, { Type: 'Pass', Parameters: { 'ClusterId.$': '$.ClusterId' }, ResultPath: '$.cluster', Next: S.terminate });
  b.add(
    S.read,
    lambdaTask({
      resource: lambdas['read-state-info-from-s3'],
      parameters: {},
      resultPath: '$.cluster',
      onError: S.recorded,
      next: S.terminate,
    }),
  );
  b.add(S.recorded, {
    Type: 'Choice',
    Choices: [{ Variable: '$.failure.Error', StringEquals: NO_CLUSTER_RECORDED.error, Next: S.findUnrecorded }],
    Default: failures.caught(S.read, NO_CLEANUP),
  });
  // No cluster recorded: a cluster of the pipeline's name may still run, launched by a Launch EMR
  // Cluster that never learnt or recorded its id (launch-emr timing out after RunJobFlow, a Master
  // failing while its cluster starts). Terminate each one, as the operator or the failing workflow wants.
  b.add(
    S.findUnrecorded,
    lambdaTask({
      resource: lambdas['check-duplicate-emr'],
      parameters: {},
      resultPath: '$.unrecorded',
      onError: failures.caught(S.findUnrecorded, NO_CLEANUP),
      next: S.anyUnrecorded,
    }),
  );
  b.add(S.anyUnrecorded, {
    Type: 'Choice',
    Choices: [{ Variable: '$.unrecorded.ClusterIds[0]', IsPresent: true, Next: S.terminateUnrecorded }],
    Default: S.nothing,
  });
  addTerminateEach({
    builder: b,
    resource: lambdas['terminate-emr'],
    names: { map: S.terminateUnrecorded, terminate: S.terminateOne, requested: S.terminationRequested, failed: S.terminationFailed },
    itemsPath: '$.unrecorded.ClusterIds',
    resultPath: '$.unrecordedTerminated',
    next: S.nothing,
    onError: failures.caught(S.terminateUnrecorded, NO_CLEANUP),
    catchPath: '$.failure',
  });
  b.add(S.nothing, {
    Type: 'Pass',
    Comment: 'Nothing recorded to terminate; Terminated lists the unrecorded clusters whose termination was requested.',
    Parameters: { Status: 'NOTHING_TO_TERMINATE', 'Reason.$': '$.failure.Cause', 'Terminated.$': '$.unrecorded.ClusterIds' },
    End: true,
  });
  b.add(
    S.terminate,
    lambdaTask({
      resource: lambdas['terminate-emr'],
      parameters: { 'ClusterId.$': clusterId.path },
      resultPath: '$.cluster',
      onError: failures.caught(
        S.terminate,
        NO_CLEANUP,
        undefined,
        failures.amended(
          'Cluster left running',
          text`Cluster ${clusterId} may still be running: terminate it by hand (pnpm ops cluster shows it); its idle auto-termination ends it otherwise.`,
        ),
      ),
      next: S.wait,
    }),
  );
  addPollLoop({
    builder: b,
    wait: { name: S.wait, seconds: refs.pollIntervals.terminate },
    check: {
      name: S.status,
      resource: lambdas['status-emr'],
      parameters: { 'ClusterId.$': clusterId.path },
      resultPath: '$.cluster',
      onError: failures.caught(S.status, NO_CLEANUP),
    },
    decide: {
      name: S.stopped,
      statusPath: '$.cluster.Status',
      inProgress: ['STARTING', 'STARTED'],
      outcomes: [{ status: 'STOPPED', next: S.clear }],
      unexpected: failures.detected('Unexpected cluster status', {
        state: S.status,
        error: 'UnexpectedStatus',
        cause: text`status-emr answered ${jsonOf('$.cluster')}`,
        cleanup: NO_CLEANUP,
      }),
    },
  });
  b.add(
    S.clear,
    lambdaTask({
      resource: lambdas['remove-state-info-from-s3'],
      parameters: {},
      resultPath: '$.stateFile',
      onError: failures.caught(S.clear, NO_CLEANUP),
      next: S.done,
    }),
  );
  b.add(S.done, { Type: 'Succeed', OutputPath: '$.cluster' });
  failures.finish();

  return {
    Comment:
      'Terminate EMR Cluster: terminates the given or recorded cluster (else those of the name) and clears the state file (asl/README.md).',
    StartAt: S.given,
    States: b.states,
  };
}
