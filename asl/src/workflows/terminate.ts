// Terminate EMR Cluster: terminate the cluster (the one given as `ClusterId` in the input, else the
// one the state file records), poll until STOPPED, clear the state file. With no cluster recorded
// there is nothing to do and it succeeds, so it can be started whenever a cluster may be running.
import { lambdaTask, StatesBuilder } from '../asl/builder';
import { NO_CLEANUP, WorkflowFailures } from '../asl/failure';
import { jsonOf, ref, text } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { StateMachineDefinition } from '../asl/types';
import type { WorkflowReferences } from '../references';
import { WORKFLOW_TITLES } from './catalog';

export const TERMINATE_STATES = {
  given: 'Cluster id given?',
  useGiven: 'Use given cluster id',
  read: 'Read cluster id',
  recorded: 'Cluster recorded?',
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
    Choices: [{ Variable: '$.failure.Error', StringEquals: NO_CLUSTER_RECORDED.error, Next: S.nothing }],
    Default: failures.caught(S.read, NO_CLEANUP),
  });
  b.add(S.nothing, {
    Type: 'Pass',
    Parameters: { Status: 'NOTHING_TO_TERMINATE', 'Reason.$': '$.failure.Cause' },
    End: true,
  });
  b.add(
    S.terminate,
    lambdaTask({
      resource: lambdas['terminate-emr'],
      parameters: { 'ClusterId.$': clusterId.path },
      resultPath: '$.cluster',
      onError: failures.caught(S.terminate, NO_CLEANUP),
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
      'Terminate EMR Cluster: terminates the cluster given as ClusterId, or else the one recorded in the state file, waits until it is STOPPED and clears the state file. Succeeds doing nothing when no cluster is recorded.',
    StartAt: S.given,
    States: b.states,
  };
}
