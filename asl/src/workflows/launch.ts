// Launch EMR Cluster: refuse when a cluster of the same name runs, launch, poll until STARTED,
// record the ClusterId in the state file. A cluster that stops while starting is reported. When
// launch-emr fails — a timeout may come after RunJobFlow created the cluster, whose id is then
// lost — the clusters of the pipeline's name are looked up and terminated before the notification.
import { lambdaTask, StatesBuilder, statusIs, waitState } from '../asl/builder';
import { NO_CLEANUP, terminateCluster } from '../asl/failure';
import { jsonOf, ref, text } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { StateMachineDefinition } from '../asl/types';
import type { WorkflowReferences } from '../references';
import { workflowFailures } from './failures';
import { addTerminateEach } from './terminate-each';

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
  // After launch-emr failed: the clusters it may have created, found by name and terminated.
  waitLeftOver: 'Wait before looking for launched clusters',
  findLeftOver: 'Look for launched clusters',
  anyLeftOver: 'Clusters left by the launch?',
  terminateLeftOver: 'Terminate launched clusters',
  terminateOne: 'Terminate launched cluster',
  terminationRequested: 'Termination requested',
  terminationFailed: 'Launched cluster not terminated',
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
          cause: text`a cluster with the configured name is already starting or running (${jsonOf(
            '$.duplicateCheck.ClusterIds',
          )}); not launching another (run Terminate EMR Cluster first if it is left over)`,
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
      onError: failures.caught(S.launch, NO_CLEANUP, undefined, S.waitLeftOver),
      next: S.wait,
    }),
  );
  addLeftOverCleanup(b, refs, failures);
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
            cause: text`cluster ${clusterId} stopped before it started: ${ref('$.cluster.Reason')}`,
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
      'Launch EMR Cluster: unless a cluster of the name is up, launches one, waits until it has started and records its id (asl/README.md).',
    StartAt: S.checkDuplicate,
    States: b.states,
  };
}

/**
 * After launch-emr failed: wait a poll so that a cluster RunJobFlow created is listed, look for
 * clusters of the pipeline's name (none ran before the launch: the duplicate check said so) and
 * terminate each one; the failure's message says what was found and done. Errors here are caught
 * and told in the message too, so the workflow still notifies and fails with launch-emr's error.
 */
function addLeftOverCleanup(b: StatesBuilder, refs: WorkflowReferences, failures: ReturnType<typeof workflowFailures>): void {
  const S = LAUNCH_STATES;
  const { lambdas } = refs;
  const found = ref('$.leftOver.ClusterIds');
  b.addFailure(S.waitLeftOver, waitState(refs.pollIntervals.clusterStart, S.findLeftOver));
  b.addFailure(
    S.findLeftOver,
    lambdaTask({
      resource: lambdas['check-duplicate-emr'],
      parameters: {},
      resultPath: '$.leftOver',
      onError: failures.amended(
        'Launched clusters not looked for',
        text`— looking for a cluster the launch may have created failed: ${ref('$.leftOverError.Error')}: ${ref(
          '$.leftOverError.Cause',
        )}; check the EMR console for a cluster of the configured name.`,
      ),
      catchPath: '$.leftOverError',
      next: S.anyLeftOver,
    }),
  );
  b.addFailure(S.anyLeftOver, {
    Type: 'Choice',
    Choices: [{ Variable: '$.leftOver.ClusterIds[0]', IsPresent: true, Next: S.terminateLeftOver }],
    Default: failures.amended('No launched cluster found', text`— no cluster of the configured name was found running.`),
  });
  addTerminateEach({
    builder: b,
    resource: lambdas['terminate-emr'],
    names: { map: S.terminateLeftOver, terminate: S.terminateOne, requested: S.terminationRequested, failed: S.terminationFailed },
    itemsPath: found.path,
    resultPath: '$.leftOverTerminated',
    next: failures.amended(
      'Launched clusters terminated',
      text`— the launch had created cluster(s) ${jsonOf(found.path)}: their termination was requested.`,
    ),
    onError: failures.amended(
      'Launched clusters not terminated',
      text`— the launch had created cluster(s) ${jsonOf(found.path)} and terminating them failed: ${ref('$.leftOverError.Error')}: ${ref(
        '$.leftOverError.Cause',
      )}; terminate them in the EMR console.`,
    ),
    catchPath: '$.leftOverError',
    group: 'failure',
  });
}
