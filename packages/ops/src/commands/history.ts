// `history <execution>`: the states of one execution in order with their timings and, for a failure,
// the state where it went wrong, its error and cause, and the EMR step that failed with EMR's details.
import { WORKFLOW_IDS, type WorkflowId } from '@data-pipeline/asl';
import { type ClusterState, describeCluster, describeStep, type StepView } from '../aws/cluster';
import { describeExecution, type ExecutionDetails, executionArnOf, latestExecutions } from '../aws/executions';
import type { OpsContext } from '../context';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { candidateClusters, candidateExecutions, candidateSteps, readTimeline, type Timeline } from '../history/timeline';
import { type Colors, durationBetween, formatDuration, formatTable, formatTime, paintStatus } from '../output/format';
import type { StateMachineArns } from '../workflows/catalog';
import { executionEvents } from './follow';
import type { CommandResult } from './result';

const FAILED_STEP_STATES = new Set(['FAILED', 'CANCELLED', 'INTERRUPTED']);
/** At most this many EMR steps are looked up to find the failed one. */
const MAX_STEP_LOOKUPS = 10;

export interface HistoryView {
  execution: ExecutionDetails;
  workflow?: WorkflowId;
  states: Timeline['states'];
  failure?: Timeline['failure'];
  /** The EMR step that failed, with EMR's FailureDetails. */
  failedStep?: StepView & { clusterId: string };
  /** The cluster the failed state worked on, as EMR sees it now (its state change reason tells why it stopped). */
  cluster?: ClusterState;
  /** The child execution that failed (the Master's failure is its child's), read the same way. */
  failedChild?: HistoryView;
}

const FAILED_EXECUTION_STATES = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);
/** At most this many executions are looked up to find the child that failed. */
const MAX_CHILD_LOOKUPS = 6;

function workflowOf(arns: StateMachineArns, stateMachineArn: string): WorkflowId | undefined {
  return WORKFLOW_IDS.find((id) => arns[id] === stateMachineArn);
}

/** An execution ARN as given, the latest execution of a workflow, or an execution of any workflow by its name. */
export async function resolveExecution(ctx: OpsContext, reference: string): Promise<string> {
  if (reference.startsWith('arn:')) return reference;
  const arns = await ctx.stateMachines();
  const workflow = WORKFLOW_IDS.find((id) => id === reference);
  if (workflow) {
    const [latest] = await latestExecutions(ctx.clients.sfn, arns[workflow], 1);
    if (!latest) throw new UsageError(`${workflow} has no execution yet`);
    return latest.executionArn;
  }
  for (const id of WORKFLOW_IDS) {
    const arn = executionArnOf(arns[id], reference);
    const found = await describeExecution(ctx.clients.sfn, arn).then(
      () => true,
      (error: Error) => (error instanceof UsageError ? false : Promise.reject(error)),
    );
    if (found) return arn;
  }
  throw new UsageError(
    `no execution named ${JSON.stringify(reference)} in any workflow of ${ctx.env.name}: give its ARN, its name or a workflow id`,
  );
}

async function failedStepOf(ctx: OpsContext, timeline: Timeline): Promise<HistoryView['failedStep']> {
  for (const ref of candidateSteps(timeline).slice(0, MAX_STEP_LOOKUPS)) {
    const step = await describeStep(ctx.clients.emr, ref.clusterId, ref.stepId);
    if (step && FAILED_STEP_STATES.has(step.state)) return { ...step, clusterId: ref.clusterId };
  }
  return undefined;
}

async function failedChildOf(ctx: OpsContext, timeline: Timeline, self: string, depth: number): Promise<HistoryView | undefined> {
  if (depth <= 0) return undefined;
  for (const arn of candidateExecutions(timeline)
    .filter((candidate) => candidate !== self)
    .slice(0, MAX_CHILD_LOOKUPS)) {
    const child = await describeExecution(ctx.clients.sfn, arn).catch(() => undefined);
    if (child && FAILED_EXECUTION_STATES.has(child.status)) return historyOf(ctx, arn, depth - 1);
  }
  return undefined;
}

/** What one execution did; for a failure, where and why, following a failed child `depth` levels down. */
export async function historyOf(ctx: OpsContext, executionArn: string, depth = 1): Promise<HistoryView> {
  const [execution, events, arns] = await Promise.all([
    describeExecution(ctx.clients.sfn, executionArn),
    executionEvents(ctx, executionArn),
    ctx.stateMachines(),
  ]);
  const timeline = readTimeline(events);
  const workflow = workflowOf(arns, execution.stateMachineArn);
  const view: HistoryView = { execution, states: timeline.states, ...(workflow ? { workflow } : {}) };
  if (execution.status === 'SUCCEEDED' || execution.status === 'RUNNING') return view;
  const failure = timeline.failure ?? {
    state: '',
    source: 'last-state' as const,
    ...(execution.error ? { error: execution.error } : {}),
    ...(execution.cause ? { cause: execution.cause } : {}),
  };
  const failedStep = await failedStepOf(ctx, timeline);
  const failedChild = failedStep ? undefined : await failedChildOf(ctx, timeline, executionArn, depth);
  if (failedChild) return { ...view, failure, failedChild };
  const [clusterId] = failedStep ? [failedStep.clusterId] : candidateClusters(timeline);
  const cluster = clusterId ? await describeCluster(ctx.clients.emr, clusterId) : undefined;
  return { ...view, failure, ...(failedStep ? { failedStep } : {}), ...(cluster ? { cluster } : {}) };
}

function resultOf(run: Timeline['states'][number]): string {
  if (run.errors.some((error) => !error.retried)) return 'error';
  if (run.errors.length > 0) return `retried ${run.errors.length}x`;
  if (!run.exited) return run.type === 'Fail' ? 'failed' : 'running';
  return 'ok';
}

export function renderHistory(view: HistoryView, c: Colors, options: { states?: boolean } = {}): string {
  const { execution } = view;
  const lines = [
    `${c.bold(execution.name)}  ${paintStatus(c, execution.status)}  ${formatTime(execution.startDate)} UTC  ${formatDuration(
      durationBetween(execution.startDate, execution.stopDate),
    )}`,
    c.dim(execution.executionArn),
  ];
  if (options.states !== false) {
    const failedAt = view.failure ? view.states.findLastIndex((run) => run.name === view.failure?.state) : -1;
    lines.push(
      '',
      formatTable(
        ['#', 'state', 'type', 'entered (UTC)', 'took', 'result'],
        view.states.map((run, index) => {
          const result = index === failedAt ? 'failed here' : resultOf(run);
          const painted =
            result === 'ok'
              ? result
              : result === 'error' || result === 'failed' || result === 'failed here'
                ? c.red(result)
                : c.yellow(result);
          return [index + 1, run.name, run.type, formatTime(run.entered), formatDuration(run.durationMs), painted];
        }),
      ),
    );
  }
  if (view.failure) {
    lines.push('', c.red(c.bold('Failed')));
    if (view.failure.state) lines.push(`  state   ${view.failure.state}`);
    if (view.failure.error) lines.push(`  error   ${view.failure.error}`);
    if (view.failure.cause) lines.push(`  cause   ${view.failure.cause}`);
    if (execution.error && execution.error !== view.failure.error) lines.push(`  ended   ${execution.error}: ${execution.cause ?? ''}`);
  }
  if (view.failedStep) {
    const step = view.failedStep;
    lines.push('', c.red(c.bold('EMR step')));
    lines.push(`  step     ${step.name} (${step.id} on ${step.clusterId}) ${paintStatus(c, step.state)}`);
    if (step.failure?.reason) lines.push(`  reason   ${step.failure.reason}`);
    if (step.failure?.message) lines.push(`  message  ${step.failure.message}`);
    if (step.failure?.logFile) lines.push(`  log      ${step.failure.logFile}`);
  }
  if (view.failedChild) {
    const child = renderHistory(view.failedChild, c, { states: false });
    lines.push(
      '',
      c.red(c.bold(`Failed child${view.failedChild.workflow ? `: ${view.failedChild.workflow}` : ''}`)),
      ...child.split('\n').map((line) => (line ? `  ${line}` : line)),
    );
  }
  if (view.cluster) {
    const { cluster } = view;
    lines.push('', c.bold('Cluster'), `  ${cluster.id}  ${paintStatus(c, cluster.state)}${cluster.reason ? `  ${cluster.reason}` : ''}`);
  }
  return lines.join('\n');
}

export async function historyCommand(ctx: OpsContext, reference: string): Promise<CommandResult<HistoryView>> {
  const view = await historyOf(ctx, await resolveExecution(ctx, reference));
  return { code: EXIT.ok, data: view, render: (c) => renderHistory(view, c) };
}
