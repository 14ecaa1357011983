// Master: refuse to run beside another running Master; stop, notified, when no table has files landed
// or staged (no cluster for nothing); then run each child workflow in order — start it
// (submit-stepfunction), poll it (status-stepfunction) — and notify success. Any failure after the
// Launch child was started also starts Terminate EMR Cluster.
import { lambdaTask, StatesBuilder, statusIs } from '../asl/builder';
import { type Cleanup, NO_CLEANUP, TERMINATE_FROM_STATE_FILE } from '../asl/failure';
import { concat, jsonOf, ref, type Text, text, textField } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { StateMachineDefinition } from '../asl/types';
import { DefinitionBuildError } from '../errors';
import type { WorkflowReferences } from '../references';
import { workflowFailures } from './failures';
import type { ChildWorkflowEntry } from './registry';

/** The Master's states for a child of this title: start it, wait, check, decide. */
export function childStatesOf(title: string) {
  return { title, start: `Start ${title}`, wait: `Wait for ${title}`, check: `Check ${title}`, done: `${title} done?` } as const;
}

/** Where the Master keeps a child's execution in its state (and output): `$.children.launchEmrCluster`. */
export function childResultPath(id: string): string {
  return `$.children.${id.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
}

export const MASTER_STATES = {
  checkDuplicate: 'Check for another running Master',
  duplicate: 'Another Master running?',
  alreadyRunning: 'Master already running',
  checkLanded: 'Check for landed files',
  anythingLanded: 'Anything to load?',
  notifyNothing: 'Notify nothing to load',
  nothing: 'Nothing to load',
  notifySuccess: 'Notify success',
  done: 'Pipeline succeeded',
} as const;

/** The Master over the registry's children (CHILD_WORKFLOWS), started in the order given. */
export function master(refs: WorkflowReferences, children: readonly ChildWorkflowEntry[]): StateMachineDefinition {
  const S = MASTER_STATES;
  const { lambdas } = refs;
  const b = new StatesBuilder();
  const failures = workflowFailures('master', refs, b);
  const [firstChild] = children;
  if (!firstChild) throw new DefinitionBuildError('the Master needs at least one child workflow');
  const first = childStatesOf(firstChild.title).start;

  b.add(
    S.checkDuplicate,
    lambdaTask({
      resource: lambdas['check-duplicate-stepfunction'],
      // With its own execution ARN the check is first-started-wins: of two Masters started together, the
      // later one stops and the earlier one goes on (by the count alone, both would stop).
      parameters: { currentStepName: refs.masterStateMachine, 'currentExecutionArn.$': '$$.Execution.Id' },
      resultPath: '$.duplicateCheck',
      onError: failures.caught(S.checkDuplicate, NO_CLEANUP),
      next: S.duplicate,
    }),
  );
  // Nothing landed and nothing staged for any table: no cluster is launched for nothing. Staged files
  // count (a failed run's batch still has to be loaded or archived). With no table declared there is
  // nothing to ask about, and the children run as they would.
  const tablesToCheck = [...refs.tables.dimension, ...refs.tables.fact].map(({ stage }) => ({ Bucket: stage.Bucket, Table: stage.Table }));
  const afterGuard = tablesToCheck.length > 0 ? S.checkLanded : first;
  b.add(S.duplicate, {
    Type: 'Choice',
    Choices: [
      statusIs('$.duplicateCheck.Status', 'RUNNING', S.alreadyRunning),
      statusIs('$.duplicateCheck.Status', 'NOTRUNNING', afterGuard),
    ],
    Default: failures.detected('Unexpected duplicate check answer', {
      state: S.checkDuplicate,
      error: 'UnexpectedStatus',
      cause: text`check-duplicate-stepfunction answered ${jsonOf('$.duplicateCheck')}`,
      cleanup: NO_CLEANUP,
    }),
  });
  b.add(S.alreadyRunning, {
    Type: 'Fail',
    Comment: 'The running Master goes on and reports its own outcome; this one stops before invoking anything else.',
    Error: 'MasterAlreadyRunning',
    Cause: `an earlier execution of ${refs.masterStateMachine} is running; this execution stopped before doing anything`,
  });

  if (tablesToCheck.length > 0) {
    b.add(
      S.checkLanded,
      lambdaTask({
        resource: lambdas['check-landed-files'],
        parameters: { Tables: tablesToCheck },
        resultPath: '$.landed',
        onError: failures.caught(S.checkLanded, NO_CLEANUP),
        next: S.anythingLanded,
      }),
    );
    b.add(S.anythingLanded, {
      Type: 'Choice',
      Choices: [statusIs('$.landed.Status', 'FOUND', first), statusIs('$.landed.Status', 'NOTHING', S.notifyNothing)],
      Default: failures.detected('Unexpected landed files answer', {
        state: S.checkLanded,
        error: 'UnexpectedStatus',
        cause: text`check-landed-files answered ${jsonOf('$.landed')}`,
        cleanup: NO_CLEANUP,
      }),
    });
    b.add(
      S.notifyNothing,
      lambdaTask({
        resource: lambdas['send-msg-sns'],
        parameters: { Subject: 'data-pipeline: Master found nothing to load', 'Message.$': '$.landed.Notice' },
        resultPath: '$.notification',
        onError: failures.caught(S.notifyNothing, NO_CLEANUP),
        next: S.nothing,
      }),
    );
    b.add(S.nothing, {
      Type: 'Succeed',
      Comment: 'No table had files landed or staged: no child workflow was started and no cluster launched.',
      OutputPath: '$.landed',
    });
  }

  children.forEach(({ id, title, input }, index) => {
    const C = childStatesOf(title);
    const nextChild = children[index + 1];
    const next = nextChild ? childStatesOf(nextChild.title).start : S.notifySuccess;
    const result = childResultPath(id);
    const arn = (refs.stateMachines as Record<string, string | undefined>)[id];
    if (!arn) throw new DefinitionBuildError(`the references name no state machine for the child ${id}`);
    // From the moment Launch may have started a cluster until Terminate succeeded, a cluster may be up.
    // Terminate EMR Cluster is idempotent: started twice, or with no cluster recorded, it does no harm.
    const afterStart: Cleanup = TERMINATE_FROM_STATE_FILE;
    const beforeStart: Cleanup = index === 0 ? NO_CLEANUP : TERMINATE_FROM_STATE_FILE;
    b.add(
      C.start,
      lambdaTask({
        resource: lambdas['submit-stepfunction'],
        parameters: { nextStateMachineArn: arn, ...input },
        resultPath: result,
        onError: failures.caught(C.start, beforeStart),
        next: C.wait,
      }),
    );
    addPollLoop({
      builder: b,
      wait: { name: C.wait, seconds: refs.pollIntervals.childWorkflow },
      check: {
        name: C.check,
        resource: lambdas['status-stepfunction'],
        parameters: { 'executionArn.$': `${result}.executionArn` },
        resultPath: result,
        onError: failures.caught(C.check, afterStart),
      },
      decide: {
        name: C.done,
        statusPath: `${result}.Status`,
        inProgress: ['RUNNING'],
        outcomes: [
          { status: 'SUCCESS', next },
          {
            status: 'ERROR',
            next: failures.detected(`${C.title} ended in error`, {
              state: C.check,
              error: 'ChildWorkflowFailed',
              cause: text`${C.title} execution ${ref(`${result}.executionArn`)} failed, timed out or was aborted; its own notification tells why`,
              cleanup: afterStart,
            }),
          },
        ],
        unexpected: failures.detected(`Unexpected ${C.title} status`, {
          state: C.check,
          error: 'UnexpectedStatus',
          cause: text`status-stepfunction answered ${jsonOf(result)}`,
          cleanup: afterStart,
        }),
      },
    });
  });

  // Each child by its title with its execution, as many as the registry lists.
  const executions: Text = children.flatMap(({ id, title }, index) => [
    `${index === 0 ? '' : ', '}${title} `,
    ref(`${childResultPath(id)}.executionArn`),
  ]);
  b.add(
    S.notifySuccess,
    lambdaTask({
      resource: lambdas['send-msg-sns'],
      parameters: {
        Subject: 'data-pipeline: Master succeeded',
        ...textField('Message', concat(text`The data pipeline run succeeded. Executions: `, executions, text`.`)),
      },
      resultPath: '$.notification',
      onError: failures.caught(S.notifySuccess, NO_CLEANUP),
      next: S.done,
    }),
  );
  b.add(S.done, { Type: 'Succeed', OutputPath: '$.children' });
  failures.finish();

  return {
    Comment: 'Master: when some table has files to load, runs its child workflows in order and notifies the outcome (asl/README.md).',
    StartAt: S.checkDuplicate,
    States: b.states,
  };
}
