// Failure handling shared by the workflows. Every failure first becomes a record at `$.failure`:
//   { state, error, cause, message, cleanup? }
// made by one small Pass state per place that can fail (so the message names that place), then
// runs one shared tail: notify (send-msg-sns) → start Terminate EMR Cluster when a cluster may be
// running (submit-stepfunction with the record's `cleanup` as input) → Fail with the record's
// error and message. Notification and cleanup errors are caught too: no failure path skips the Fail.
import { DefinitionBuildError } from '../errors';
import { lambdaTask, type StatesBuilder } from './builder';
import { concat, ref, type Text, text, textField } from './intrinsics';
import { FAILURE_PATH } from './policies';
import type { JsonObject } from './types';

/** What a failure leaves behind: nothing, a cluster whose id is in the state file, or one whose id is at a path. */
export type Cleanup = { kind: 'none' } | { kind: 'state-file' } | { kind: 'cluster'; clusterIdPath: string };

export const NO_CLEANUP: Cleanup = { kind: 'none' };
export const TERMINATE_FROM_STATE_FILE: Cleanup = { kind: 'state-file' };
export function terminateCluster(clusterIdPath: string): Cleanup {
  return { kind: 'cluster', clusterIdPath };
}

export interface DetectedFailure {
  /** The state that observed the problem, named in the message. */
  state: string;
  /** The Error of the final Fail state, e.g. `EmrStepFailed`. */
  error: string;
  cause: Text;
  cleanup: Cleanup;
}

export interface WorkflowFailuresOptions {
  title: string;
  builder: StatesBuilder;
  /** send-msg-sns */
  notifyResource: string;
  /** submit-stepfunction */
  startWorkflowResource: string;
  /** The Terminate EMR Cluster state machine; required when any failure needs cleanup. */
  terminateStateMachineArn?: string;
}

export const NOTIFY_FAILURE = 'Notify failure';
export const CLUSTER_MAY_BE_RUNNING = 'Cluster may be running?';
export const START_TERMINATION = 'Start cluster termination';
export const NOTIFY_TERMINATION_NOT_STARTED = 'Notify termination not started';

export class WorkflowFailures {
  readonly failState: string;
  private needsCleanup = false;
  private finished = false;

  constructor(private readonly options: WorkflowFailuresOptions) {
    this.failState = `${options.title} failed`;
  }

  /**
   * The state a Task's Catch goes to: records the error the Task raised (`$.failure.Error/Cause`).
   * `next`: where the workflow goes on after recording (default: the notification), for a workflow
   * that has something to do before it notifies.
   */
  caught(state: string, cleanup: Cleanup, name = `${state} failed`, next = NOTIFY_FAILURE): string {
    const error = ref('$.failure.Error');
    const cause = ref('$.failure.Cause');
    return this.record(
      name,
      {
        state,
        'error.$': error.path,
        'cause.$': cause.path,
        ...textField('message', text`${this.options.title} failed in state ${state}: ${error}: ${cause}`),
        ...this.cleanupField(cleanup),
      },
      next,
    );
  }

  /**
   * A state that adds a sentence to the message of a failure recorded already (say, what was done
   * about it), then goes on to `next` (default: the notification). Only for failures recorded
   * without cleanup: the record is rewritten, and a Pass state cannot copy a field that may be missing.
   */
  amended(name: string, sentence: Text, next = NOTIFY_FAILURE): string {
    return this.record(
      name,
      {
        'state.$': '$.failure.state',
        'error.$': '$.failure.error',
        'cause.$': '$.failure.cause',
        ...textField('message', concat(text`${ref('$.failure.message')} `, sentence)),
      },
      next,
    );
  }

  /** The state a Choice goes to when the workflow cannot go on: records a failure it detected itself. */
  detected(name: string, failure: DetectedFailure): string {
    return this.record(name, {
      state: failure.state,
      error: failure.error,
      ...textField('cause', failure.cause),
      ...textField('message', concat(text`${this.options.title} failed in state ${failure.state}: ${failure.error}: `, failure.cause)),
      ...this.cleanupField(failure.cleanup),
    });
  }

  /**
   * The state a Choice goes to when a failure was recorded elsewhere (say, by the items of a Map, which end
   * without failing it): its error is read at `errorPath`, its cause is `cause`.
   */
  reported(name: string, failure: { state: string; errorPath: string; cause: Text; cleanup: Cleanup }): string {
    const error = ref(failure.errorPath);
    return this.record(name, {
      state: failure.state,
      'error.$': error.path,
      ...textField('cause', failure.cause),
      ...textField('message', concat(text`${this.options.title} failed in state ${failure.state}: ${error}: `, failure.cause)),
      ...this.cleanupField(failure.cleanup),
    });
  }

  /** Adds the shared tail. Call once, after every failure state is known. */
  finish(): void {
    if (this.finished) throw new DefinitionBuildError(`${this.options.title}: failure tail added twice`);
    this.finished = true;
    const { builder, title, notifyResource, startWorkflowResource } = this.options;
    const subject = `data-pipeline: ${title} failed`;
    const afterNotify = this.needsCleanup ? CLUSTER_MAY_BE_RUNNING : this.failState;
    builder.addFailure(
      NOTIFY_FAILURE,
      lambdaTask({
        resource: notifyResource,
        parameters: { Subject: subject, 'Message.$': '$.failure.message' },
        resultPath: '$.notification',
        onError: afterNotify,
        catchPath: '$.notificationError',
        next: afterNotify,
      }),
    );
    if (this.needsCleanup) {
      builder.addFailure(CLUSTER_MAY_BE_RUNNING, {
        Type: 'Choice',
        Choices: [{ Variable: '$.failure.cleanup', IsPresent: true, Next: START_TERMINATION }],
        Default: this.failState,
      });
      builder.addFailure(
        START_TERMINATION,
        lambdaTask({
          resource: startWorkflowResource,
          inputPath: '$.failure.cleanup',
          resultPath: '$.cleanup',
          onError: NOTIFY_TERMINATION_NOT_STARTED,
          catchPath: '$.cleanupError',
          next: this.failState,
        }),
      );
      const message = text`${ref('$.failure.message')} The cluster may still be running: Terminate EMR Cluster could not be started: ${ref(
        '$.cleanupError.Error',
      )}: ${ref('$.cleanupError.Cause')}`;
      builder.addFailure(
        NOTIFY_TERMINATION_NOT_STARTED,
        lambdaTask({
          resource: notifyResource,
          parameters: { Subject: subject, ...textField('Message', message) },
          resultPath: '$.notification',
          onError: this.failState,
          catchPath: '$.notificationError',
          next: this.failState,
        }),
      );
    }
    builder.addFailure(this.failState, { Type: 'Fail', ErrorPath: '$.failure.error', CausePath: '$.failure.message' });
  }

  private record(name: string, parameters: JsonObject, next = NOTIFY_FAILURE): string {
    return this.options.builder.addFailure(name, { Type: 'Pass', Parameters: parameters, ResultPath: FAILURE_PATH, Next: next });
  }

  private cleanupField(cleanup: Cleanup): JsonObject {
    if (cleanup.kind === 'none') return {};
    const arn = this.options.terminateStateMachineArn;
    if (!arn) throw new DefinitionBuildError(`${this.options.title}: a failure needs cleanup but no Terminate state machine was given`);
    this.needsCleanup = true;
    const input: JsonObject = { nextStateMachineArn: arn };
    if (cleanup.kind === 'cluster') input['ClusterId.$'] = cleanup.clusterIdPath;
    return { cleanup: input };
  }
}

/**
 * Failures inside a Map's item processor: each records `{ error, message }` naming the item and the
 * state, then ends the item with `{ <item>, failure }` instead of failing the Map. So the other items run
 * to their end (a Map whose item fails stops the items still running, and with them what they were doing),
 * and the workflow reports every failed item after the Map.
 */
export class ItemFailures {
  constructor(
    private readonly builder: StatesBuilder,
    readonly failState: string,
    /** How the message names the item, e.g. text`table ${ref('$.table.table')}`. */
    private readonly item: Text,
  ) {}

  caught(state: string, name = `${state} failed`): string {
    return this.record(name, { 'error.$': '$.failure.Error' }, text`${ref('$.failure.Cause')}`, state);
  }

  detected(name: string, failure: Omit<DetectedFailure, 'cleanup'>): string {
    return this.record(name, { error: failure.error }, failure.cause, failure.state);
  }

  finish(output: JsonObject): void {
    this.builder.addFailure(this.failState, { Type: 'Pass', Parameters: { ...output, 'failure.$': FAILURE_PATH }, End: true });
  }

  private record(name: string, error: JsonObject, cause: Text, state: string): string {
    return this.builder.addFailure(name, {
      Type: 'Pass',
      Parameters: { ...error, ...textField('message', concat(this.item, text` failed in state ${state}: `, cause)) },
      ResultPath: FAILURE_PATH,
      Next: this.failState,
    });
  }
}
