// `rerun <workflow>`: start one child workflow with the input the Master gives it, after checking that
// nothing forbids it: the Master or the same workflow running, the cluster it needs not recorded or not
// up, a cluster already up for Launch, or prod not confirmed. A refusal changes nothing.
import { randomBytes } from 'node:crypto';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowId } from '@data-pipeline/asl';
import { findActiveClusters } from '@data-pipeline/core';
import { describeCluster, readStateFile, UP_STATES } from '../aws/cluster';
import { type ExecutionDetails, runningExecutions } from '../aws/executions';
import type { OpsContext } from '../context';
import { RefusedError, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { type Colors, formatDuration, formatTime, paintStatus } from '../output/format';
import { type WorkflowInfo, workflowCatalog } from '../workflows/catalog';
import { followExecution } from './follow';
import { type HistoryView, historyOf, renderHistory } from './history';
import type { CommandResult } from './result';

export interface RerunOptions {
  wait?: boolean;
  yes?: boolean;
}

export interface RerunData {
  workflow: WorkflowId;
  stateMachineArn: string;
  executionArn: string;
  input: Record<string, unknown>;
  clusterId?: string;
  /** With --wait: how it ended. */
  status?: string;
  durationMs?: number;
  history?: HistoryView;
}

/** `<state machine>_ops_<UTC yyyymmddHHMMSS>_<4 hex>`, at most 80 characters. */
export function rerunExecutionName(stateMachineName: string, now: Date, suffix = randomBytes(2).toString('hex')): string {
  const tail = `_ops_${now.toISOString().replace(/\D/g, '').slice(0, 14)}_${suffix}`;
  return `${stateMachineName.slice(0, 80 - tail.length)}${tail}`;
}

/**
 * The executions that forbid a re-run: the Master (it runs every child itself), the same workflow, and
 * for a workflow that works on or launches a cluster, a running Terminate EMR Cluster (it is about to
 * terminate the cluster and clear the state file).
 */
export function blockingWorkflows(workflow: WorkflowInfo): WorkflowId[] {
  const terminate: WorkflowId[] = workflow.needsCluster || workflow.launchesCluster ? ['terminate-emr-cluster'] : [];
  return [...new Set<WorkflowId>(['master', workflow.id, ...terminate])];
}

function refusal(workflow: WorkflowInfo, id: WorkflowId): { what: string; advice: string; reason: string } {
  if (id === 'master')
    return { what: 'the Master is running', advice: `it runs ${workflow.title} itself; wait for it to end`, reason: 'master-running' };
  if (id === workflow.id) return { what: `${workflow.title} is already running`, advice: 'wait for it to end', reason: 'already-running' };
  return {
    what: 'Terminate EMR Cluster is running',
    advice: 'it is terminating the cluster and will clear the state file; wait for it to end',
    reason: 'terminate-running',
  };
}

async function refuseWhenRunning(ctx: OpsContext, workflow: WorkflowInfo, arns: Record<WorkflowId, string>): Promise<void> {
  for (const id of blockingWorkflows(workflow)) {
    const [running] = await runningExecutions(ctx.clients.sfn, arns[id]);
    if (!running) continue;
    const { what, advice, reason } = refusal(workflow, id);
    const since = running.startDate ? ` since ${formatTime(running.startDate)} UTC` : '';
    throw new RefusedError(`${what} (execution ${running.name}${since}): ${advice}, then re-run if needed`, {
      reason,
      executionArn: running.executionArn,
    });
  }
}

/** Launch EMR Cluster stops at its duplicate check when a cluster of the environment's name is active: refuse first. */
async function refuseActiveCluster(ctx: OpsContext, workflow: WorkflowInfo): Promise<void> {
  const [active] = await findActiveClusters(ctx.clients.emr, ctx.env.emr.clusterName);
  if (!active) return;
  throw new RefusedError(
    `cluster ${active.id} of the name ${ctx.env.emr.clusterName} is ${active.state}: ${workflow.title} would stop at its duplicate check; re-run the child that failed, or terminate-emr-cluster first`,
    { reason: 'cluster-up', clusterId: active.id, clusterState: active.state },
  );
}

/** The cluster the state file names, which must be up. */
async function upCluster(ctx: OpsContext, workflow: WorkflowInfo): Promise<string> {
  const reading = await readStateFile(ctx.clients.s3, ctx.bucket);
  if (reading.kind === 'unreadable') {
    throw new RefusedError(`${workflow.title} needs to know the cluster: the ${reading.reason}`, { reason: 'state-file-unreadable' });
  }
  if (reading.kind === 'none') {
    throw new RefusedError(
      `${workflow.title} needs a running cluster and the state file ${reading.location} names none: re-run launch-emr-cluster first`,
      { reason: 'no-cluster' },
    );
  }
  const cluster = await describeCluster(ctx.clients.emr, reading.clusterId);
  const state = cluster?.state ?? 'unknown to EMR';
  if (!(UP_STATES as readonly string[]).includes(state)) {
    const why = cluster?.reason ? ` (${cluster.reason})` : '';
    const starting = state === 'STARTING' || state === 'BOOTSTRAPPING' ? ', or wait until it is WAITING' : '';
    throw new RefusedError(
      `${workflow.title} needs a running cluster and the cluster the state file names, ${reading.clusterId}, is ${state}${why}: re-run launch-emr-cluster first${starting}`,
      { reason: 'cluster-not-up', clusterId: reading.clusterId, clusterState: state },
    );
  }
  return reading.clusterId;
}

async function confirmProd(ctx: OpsContext, workflow: WorkflowInfo, options: RerunOptions): Promise<void> {
  if (ctx.env.name !== 'prod' || options.yes) return;
  if (!ctx.ask) throw new RefusedError('prod needs confirmation: run it on a terminal, or add --yes', { reason: 'not-confirmed' });
  const yes = await ctx.ask(`Start ${workflow.title} (${workflow.stateMachineName}) in prod?`);
  if (!yes) throw new RefusedError('not confirmed: nothing was started', { reason: 'not-confirmed' });
}

export async function rerunCommand(ctx: OpsContext, id: WorkflowId, options: RerunOptions = {}): Promise<CommandResult<RerunData>> {
  const arns = await ctx.stateMachines();
  const workflow = workflowCatalog(ctx.env, arns).find((candidate) => candidate.id === id);
  if (!workflow?.child) {
    throw new UsageError(`${id} is not a child workflow: rerun starts one of the Master's children (the Master runs on its schedule)`);
  }
  await refuseWhenRunning(ctx, workflow, arns);
  if (workflow.launchesCluster) await refuseActiveCluster(ctx, workflow);
  const clusterId = workflow.needsCluster ? await upCluster(ctx, workflow) : undefined;
  await confirmProd(ctx, workflow, options);

  const stateMachineArn = arns[id];
  const input = workflow.input;
  const { executionArn = '' } = await ctx.clients.sfn.send(
    new StartExecutionCommand({
      stateMachineArn,
      name: rerunExecutionName(workflow.stateMachineName, ctx.now()),
      input: JSON.stringify(input),
    }),
  );
  const data: RerunData = { workflow: id, stateMachineArn, executionArn, input, ...(clusterId ? { clusterId } : {}) };
  const started = (c: Colors) => `started ${c.bold(workflow.title)}${clusterId ? ` on cluster ${clusterId}` : ''}: ${executionArn}`;
  if (!options.wait) return { code: EXIT.ok, data, render: started };

  // With --json, stdout carries only the result: progress goes to stderr.
  (ctx.out.json ? ctx.out.info : ctx.out.line)(started(ctx.out.colors));
  const ended: ExecutionDetails = await followExecution(ctx, executionArn);
  const durationMs = ended.startDate && ended.stopDate ? ended.stopDate.getTime() - ended.startDate.getTime() : undefined;
  const done: RerunData = { ...data, status: ended.status, ...(durationMs !== undefined ? { durationMs } : {}) };
  if (ended.status === 'SUCCEEDED') {
    return {
      code: EXIT.ok,
      data: done,
      render: (c) => `${workflow.title} ${paintStatus(c, ended.status)} in ${formatDuration(durationMs)}`,
    };
  }
  const history = await historyOf(ctx, executionArn);
  return {
    code: EXIT.failed,
    data: { ...done, history },
    render: (c) =>
      `${workflow.title} ${paintStatus(c, ended.status)} after ${formatDuration(durationMs)}\n\n${renderHistory(history, c, { states: false })}`,
  };
}
