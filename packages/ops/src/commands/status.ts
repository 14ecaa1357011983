// `status`: the latest executions of every workflow, the cluster the state file names and its state,
// and the last notification where the environment keeps them.
import { WORKFLOW_IDS, type WorkflowId } from '@data-pipeline/asl';
import { type ClusterState, describeCluster, readStateFile, type StateFileReading } from '../aws/cluster';
import { currentState, type ExecutionSummary, latestExecutions } from '../aws/executions';
import type { Notification, OpsContext } from '../context';
import { EXIT } from '../exit-codes';
import { durationBetween, formatDuration, formatTable, formatTime, paintStatus } from '../output/format';
import type { CommandResult } from './result';

export interface StatusData {
  environment: string;
  executions: Array<{ workflow: WorkflowId; executions: Array<ExecutionSummary & { durationMs?: number; currentState?: string }> }>;
  stateFile: StateFileReading;
  cluster?: ClusterState;
  /** undefined: the environment keeps no messages (SNS on AWS); null: none yet. */
  lastNotification?: Notification | null;
}

export async function statusCommand(ctx: OpsContext, options: { limit?: number } = {}): Promise<CommandResult<StatusData>> {
  const limit = options.limit ?? 3;
  const arns = await ctx.stateMachines();
  const now = ctx.now();
  const [executions, stateFile, notifications] = await Promise.all([
    Promise.all(
      WORKFLOW_IDS.map(async (workflow) => ({
        workflow,
        executions: await Promise.all(
          (await latestExecutions(ctx.clients.sfn, arns[workflow], limit)).map(async (execution) => {
            const durationMs = durationBetween(execution.startDate, execution.stopDate, now);
            const state = execution.status === 'RUNNING' ? await currentState(ctx.clients.sfn, execution.executionArn) : undefined;
            return { ...execution, ...(durationMs !== undefined ? { durationMs } : {}), ...(state ? { currentState: state } : {}) };
          }),
        ),
      })),
    ),
    readStateFile(ctx.clients.s3, ctx.bucket),
    ctx.notifications ? ctx.notifications().catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const cluster = stateFile.kind === 'cluster' ? await describeCluster(ctx.clients.emr, stateFile.clusterId) : undefined;
  const data: StatusData = {
    environment: ctx.env.name,
    executions,
    stateFile,
    ...(cluster ? { cluster } : {}),
    ...(notifications !== undefined ? { lastNotification: notifications.at(-1) ?? null } : {}),
  };
  return {
    code: EXIT.ok,
    data,
    render: (c) => {
      const rows = executions.flatMap(({ workflow, executions: list }) =>
        list.length === 0
          ? [[workflow, c.dim('never run'), '', '', '']]
          : list.map((execution, index) => [
              index === 0 ? workflow : '',
              paintStatus(c, execution.status),
              formatTime(execution.startDate),
              formatDuration(execution.durationMs),
              execution.name,
              execution.currentState ?? '',
            ]),
      );
      const lines = [
        c.bold(`Executions (${ctx.env.name}, latest ${limit} per workflow)`),
        formatTable(['workflow', 'status', 'started (UTC)', 'took', 'execution', 'now in'], rows),
        '',
      ];
      lines.push(c.bold('Cluster'));
      if (stateFile.kind === 'cluster') {
        const state = cluster ? paintStatus(c, cluster.state) : c.red('unknown to EMR');
        lines.push(`  ${stateFile.clusterId}  ${state}${cluster?.reason ? `  ${cluster.reason}` : ''}  (state file ${stateFile.location})`);
      } else lines.push(`  ${stateFile.kind === 'none' ? 'none recorded' : c.red('state file unreadable')}: ${stateFile.reason}`);
      lines.push('', c.bold('Last notification'));
      if (data.lastNotification === undefined)
        lines.push(`  ${c.dim('not readable here: SNS keeps no messages; see the subscribed mailbox')}`);
      else if (data.lastNotification === null) lines.push(`  ${c.dim('none yet')}`);
      else {
        lines.push(`  ${formatTime(new Date(data.lastNotification.timestamp))}  ${data.lastNotification.subject ?? ''}`);
        lines.push(`  ${data.lastNotification.message}`);
      }
      return lines.join('\n');
    },
  };
}
