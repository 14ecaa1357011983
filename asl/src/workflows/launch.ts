// Launch EMR Cluster: refuse when a cluster of the same name runs, launch, poll until STARTED,
// record the ClusterId in the state file. A cluster that stops while starting is reported.
import { lambdaTask, StatesBuilder, statusIs } from '../asl/builder';
import { NO_CLEANUP, terminateCluster } from '../asl/failure';
import { jsonOf, ref, text } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { StateMachineDefinition } from '../asl/types';
import type { WorkflowReferences } from '../references';
import { workflowFailures } from './failures';

export const LAUNCH_STATES = {
  checkDuplicate: 'Check for running cluster',
  duplicate: 'Cluster already running?',
  launch: 'Launch cluster',
  wait: 'Wait for cluster start',
  status: 'Check cluster status',
  started: 'Cluster started?',
  record: 'Record cluster id',
  recorded: 'Cluster id recorded?',
  done: 'Cluster ready',
} as const;

export function launchEmrCluster(refs: WorkflowReferences): StateMachineDefinition {
  const S = LAUNCH_STATES;
  const { lambdas } = refs;
  const b = new StatesBuilder();
  const failures = workflowFailures('launch-emr-cluster', refs, b);
  const clusterId = ref('$.cluster.ClusterId');
  const launched = terminateCluster(clusterId.path);

  b.add(
    S.checkDuplicate,
    lambdaTask({
      resource: lambdas['check-duplicate-emr'],
      parameters: {},
      resultPath: '$.duplicateCheck',
      onError: failures.caught(S.checkDuplicate, NO_CLEANUP),
      next: S.duplicate,
    }),
  );
  b.add(S.duplicate, {
    Type: 'Choice',
    Choices: [
      statusIs(
        '$.duplicateCheck.Status',
        'RUNNING',
        failures.detected('Cluster already running', {
          state: S.checkDuplicate,
          error: 'ClusterAlreadyRunning',
          cause: text`a cluster with the configured name is already starting or running; not launching another (run Terminate EMR Cluster first if it is left over)`,
          cleanup: NO_CLEANUP,
        }),
      ),
      statusIs('$.duplicateCheck.Status', 'NOTRUNNING', S.launch),
    ],
    Default: failures.detected('Unexpected duplicate check answer', {
      state: S.checkDuplicate,
      error: 'UnexpectedStatus',
      cause: text`check-duplicate-emr answered ${jsonOf('$.duplicateCheck')}`,
      cleanup: NO_CLEANUP,
    }),
  });
  b.add(
    S.launch,
    lambdaTask({
      resource: lambdas['launch-emr'],
      parameters: {},
      resultPath: '$.cluster',
      onError: failures.caught(S.launch, NO_CLEANUP),
      next: S.wait,
    }),
  );
  addPollLoop({
    builder: b,
    wait: { name: S.wait, seconds: refs.pollIntervals.clusterStart },
    check: {
      name: S.status,
      resource: lambdas['status-emr'],
      parameters: { 'ClusterId.$': clusterId.path },
      resultPath: '$.cluster',
      onError: failures.caught(S.status, launched),
    },
    decide: {
      name: S.started,
      statusPath: '$.cluster.Status',
      inProgress: ['STARTING'],
      outcomes: [
        { status: 'STARTED', next: S.record },
        {
          status: 'STOPPED',
          next: failures.detected('Cluster stopped while starting', {
            state: S.status,
            error: 'EmrClusterStopped',
            cause: text`cluster ${clusterId} stopped before it started; its state change reason is in the EMR console`,
            cleanup: NO_CLEANUP,
          }),
        },
      ],
      unexpected: failures.detected('Unexpected cluster status', {
        state: S.status,
        error: 'UnexpectedStatus',
        cause: text`status-emr answered ${jsonOf('$.cluster')}`,
        cleanup: launched,
      }),
    },
  });
  b.add(
    S.record,
    lambdaTask({
      resource: lambdas['write-state-info-to-s3'],
      parameters: { 'ClusterId.$': clusterId.path },
      resultPath: '$.stateFile',
      onError: failures.caught(S.record, launched),
      next: S.recorded,
    }),
  );
  b.add(S.recorded, {
    Type: 'Choice',
    Choices: [statusIs('$.stateFile.Status', 'SUCCESS', S.done)],
    Default: failures.detected('Cluster id not recorded', {
      state: S.record,
      error: 'StateFileNotWritten',
      cause: text`the state file did not read back cluster ${clusterId}: write-state-info-to-s3 answered ${jsonOf('$.stateFile')}`,
      cleanup: launched,
    }),
  });
  b.add(S.done, { Type: 'Succeed', OutputPath: '$.cluster' });
  failures.finish();

  return {
    Comment:
      'Launch EMR Cluster: refuses to start when a cluster of the same name runs, launches one, waits until it is STARTED and records its ClusterId in the state file. On failure: notifies and terminates the cluster it launched.',
    StartAt: S.checkDuplicate,
    States: b.states,
  };
}
