// The fake AWS of the tests with durations instead of scripted answers: a cluster starts in a
// given time, each step runs for a given time, and so on, measured on the (simulated) clock. It
// records, for every operation the workflows poll, how long after it finished a poll noticed.
import type { PollIntervals } from '../src/model-types';
import type { WorkflowReferences } from '../src/references';
import {
  type ClusterStatus,
  FakeCloud,
  type FakeCluster,
  type FakeStep,
  type ResizeStatus,
  type StepStatus,
} from '../test/support/fake-cloud';

export interface Timeline {
  /** How long each Lambda invocation takes (it also keeps finishing times off the poll grid). */
  lambdaSeconds: number;
  clusterStartSeconds: number;
  stepSeconds: number;
  resizeSeconds: number;
  terminateSeconds: number;
}

export type Operation = 'cluster start' | 'step' | 'resize' | 'terminate' | 'child workflow';

export interface Noticed {
  operation: Operation;
  what: string;
  delaySeconds: number;
}

export class TimedCloud extends FakeCloud {
  readonly noticed: Noticed[] = [];
  private resizeStartedAt: number | undefined;
  private readonly finished = new Map<string, { at: number; status: string }>();

  constructor(
    refs: WorkflowReferences,
    private readonly timeline: Timeline,
  ) {
    super(refs, { children: 'run' });
    this.realWaits = true;
  }

  /** Sets the Wait of one state (the original polled each child at its own interval). */
  setWait(workflow: keyof TimedCloud['definitions'], state: string, seconds: number): void {
    const wait = this.definitions[workflow].States[state];
    if (wait?.Type !== 'Wait') throw new Error(`${workflow} has no Wait state ${state}`);
    wait.Seconds = seconds;
  }

  override async invoke(
    workflow: Parameters<FakeCloud['invoke']>[0],
    lambda: Parameters<FakeCloud['invoke']>[1],
    input: unknown,
    state: string,
  ) {
    await new Promise((resolve) => setTimeout(resolve, this.timeline.lambdaSeconds * 1000));
    return super.invoke(workflow, lambda, input, state);
  }

  protected override clusterStartStatus(cluster: FakeCluster): ClusterStatus {
    return this.doneAfter('cluster start', cluster.id, cluster.startedAt, this.timeline.clusterStartSeconds) ? 'STARTED' : 'STARTING';
  }

  protected override clusterStopStatus(cluster: FakeCluster): ClusterStatus {
    return this.doneAfter('terminate', cluster.id, cluster.terminatedAt ?? this.now(), this.timeline.terminateSeconds)
      ? 'STOPPED'
      : 'STARTED';
  }

  protected override stepStatus(step: FakeStep): StepStatus {
    return this.doneAfter('step', step.name, step.submittedAt, this.timeline.stepSeconds) ? 'SUCCESS' : 'SUBMITTED';
  }

  protected override resizeStatus(): ResizeStatus {
    const started = this.resizeStartedAt ?? this.now();
    return this.doneAfter('resize', 'worker fleet', started, this.timeline.resizeSeconds) ? 'SUCCESS' : 'ADDING';
  }

  protected override async answer(lambda: Parameters<FakeCloud['invoke']>[1], input: unknown): Promise<unknown> {
    if (lambda === 'add-worker-instances-emr') this.resizeStartedAt = this.now();
    return super.answer(lambda, input);
  }

  protected override startExecution(event: { nextStateMachineArn?: string } & Record<string, unknown>, name?: string) {
    const started = super.startExecution(event, name);
    const execution = this.executions.find((e) => e.arn === started.executionArn);
    execution?.result?.then((result) => this.finished.set(started.executionArn, { at: this.now(), status: result.status }));
    return started;
  }

  protected override async executionStatus(arn: string): Promise<{ executionArn: string; Status: string }> {
    const finished = this.finished.get(arn);
    if (!finished) return { executionArn: arn, Status: 'RUNNING' };
    const workflow = this.executions.find((e) => e.arn === arn)?.workflow ?? arn;
    this.notice('child workflow', workflow, finished.at);
    return { executionArn: arn, Status: finished.status === 'SUCCEEDED' ? 'SUCCESS' : 'ERROR' };
  }

  private doneAfter(operation: Operation, what: string, since: number, seconds: number): boolean {
    const doneAt = since + seconds * 1000;
    if (this.now() < doneAt) return false;
    this.notice(operation, what, doneAt);
    return true;
  }

  private notice(operation: Operation, what: string, doneAt: number): void {
    if (this.noticed.some((n) => n.operation === operation && n.what === what)) return;
    this.noticed.push({ operation, what, delaySeconds: Math.round(this.now() - doneAt) / 1000 });
  }
}

export function describeIntervals(p: PollIntervals): string {
  return `${p.clusterStart}/${p.step}/${p.resize}/${p.childWorkflow}/${p.terminate}`;
}
