// Add EMR Workers: read the ClusterId, add spot capacity to the worker fleet, poll until SUCCESS or ERROR.
import { lambdaTask, StatesBuilder } from '../asl/builder';
import { TERMINATE_FROM_STATE_FILE, terminateCluster } from '../asl/failure';
import { jsonOf, ref, text, textField } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { StateMachineDefinition } from '../asl/types';
import type { WorkflowReferences } from '../references';
import { workflowFailures } from './failures';

export const ADD_WORKERS_STATES = {
  read: 'Read cluster id',
  add: 'Add spot workers',
  wait: 'Wait for workers',
  status: 'Check workers',
  added: 'Workers added?',
  shortfall: 'Short of spot capacity?',
  notifyShortfall: 'Notify fewer workers',
  done: 'Workers added',
} as const;

export function addEmrWorkers(refs: WorkflowReferences): StateMachineDefinition {
  const S = ADD_WORKERS_STATES;
  const { lambdas } = refs;
  const b = new StatesBuilder();
  const failures = workflowFailures('add-emr-workers', refs, b);
  const clusterId = ref('$.cluster.ClusterId');
  const running = terminateCluster(clusterId.path);

  b.add(
    S.read,
    lambdaTask({
      resource: lambdas['read-state-info-from-s3'],
      parameters: {},
      resultPath: '$.cluster',
      onError: failures.caught(S.read, TERMINATE_FROM_STATE_FILE),
      next: S.add,
    }),
  );
  b.add(
    S.add,
    lambdaTask({
      resource: lambdas['add-worker-instances-emr'],
      parameters: { 'ClusterId.$': clusterId.path },
      resultPath: '$.resize',
      onError: failures.caught(S.add, running),
      next: S.wait,
    }),
  );
  addPollLoop({
    builder: b,
    wait: { name: S.wait, seconds: refs.pollIntervals.resize },
    check: {
      name: S.status,
      resource: lambdas['status-add-worker-instances-emr'],
      inputPath: '$.resize',
      resultPath: '$.resize',
      onError: failures.caught(S.status, running),
    },
    decide: {
      name: S.added,
      statusPath: '$.resize.Status',
      inProgress: ['ADDING'],
      outcomes: [
        { status: 'SUCCESS', next: S.done },
        { status: 'ERROR', next: S.shortfall },
      ],
      unexpected: failures.detected('Unexpected resize status', {
        state: S.status,
        error: 'UnexpectedStatus',
        cause: text`status-add-worker-instances-emr answered ${jsonOf('$.resize')}`,
        cleanup: running,
      }),
    },
  });
  // A fleet that ended RUNNING short of its target (no spot capacity) still has its workers: the fact
  // load goes on with them, slower, and a notice says so. Any other ERROR fails the workflow.
  b.add(S.shortfall, {
    Type: 'Choice',
    Choices: [{ Variable: '$.resize.CapacityShortfall', IsPresent: true, Next: S.notifyShortfall }],
    Default: failures.detected('Workers not added', {
      state: S.status,
      error: 'WorkerResizeFailed',
      cause: text`the worker fleet ${ref('$.resize.WorkerInstanceFleetId')} of cluster ${clusterId} did not reach ${ref(
        '$.resize.TargetTotalWorkers',
      )} workers`,
      cleanup: running,
    }),
  });
  b.add(
    S.notifyShortfall,
    lambdaTask({
      resource: lambdas['send-msg-sns'],
      parameters: {
        Subject: 'data-pipeline: Add EMR Workers: fewer workers',
        ...textField(
          'Message',
          text`The worker fleet ${ref('$.resize.WorkerInstanceFleetId')} of cluster ${clusterId} has ${ref(
            '$.resize.CapacityShortfall.ProvisionedWorkers',
          )} of its ${ref('$.resize.TargetTotalWorkers')} workers: spot capacity was not available. The pipeline goes on with them.`,
        ),
      },
      resultPath: '$.notice',
      comment: 'A notice that cannot be sent does not stop the pipeline; the error is kept in the state.',
      onError: S.done,
      catchPath: '$.noticeError',
      next: S.done,
    }),
  );
  b.add(S.done, { Type: 'Succeed', OutputPath: '$.resize' });
  failures.finish();

  return {
    Comment:
      'Add EMR Workers: adds spot workers to the recorded cluster and waits for them; short of spot capacity it goes on and says so (asl/README.md).',
    StartAt: S.read,
    States: b.states,
  };
}
