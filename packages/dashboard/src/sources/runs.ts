// The executions of every workflow, from Step Functions: listed per state machine, grouped into
// Master runs with their children, and one execution's path through its definition.
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionDoesNotExist,
  type HistoryEvent,
  InvalidArn,
  paginateGetExecutionHistory,
  paginateListExecutions,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS, WORKFLOW_TITLES, type WorkflowId } from '@data-pipeline/asl';
import type { LocalNames } from '@data-pipeline/local';

import { BadRequestError, NotFoundError } from '../errors';
import { parseDefinition } from '../shaping/definition';
import { type ExecutionRow, executionRow, type RunsView, runsView } from '../shaping/executions';
import { executionGraph } from '../shaping/graph';
import { type ExecutionPath, executionPath, startedExecutions } from '../shaping/history';

/** The most executions listed per workflow. */
const LIST_LIMIT = 200;

export interface ExecutionDetail {
  execution: ExecutionRow;
  mermaid: string;
  path: ExecutionPath;
}

export async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  for await (const page of paginateGetExecutionHistory({ client: sfn }, { executionArn, maxResults: 1000 }))
    events.push(...(page.events ?? []));
  return events;
}

export async function listExecutions(
  sfn: SFNClient,
  names: LocalNames,
  workflows: readonly WorkflowId[] = WORKFLOW_IDS,
  now = new Date(),
): Promise<ExecutionRow[]> {
  const rows: ExecutionRow[] = [];
  for (const workflow of workflows) {
    let listed = 0;
    for await (const page of paginateListExecutions(
      { client: sfn },
      { stateMachineArn: names.stateMachineArn(workflow), maxResults: 100 },
    )) {
      for (const item of page.executions ?? []) rows.push(executionRow(workflow, WORKFLOW_TITLES[workflow], item, now));
      listed += page.executions?.length ?? 0;
      if (listed >= LIST_LIMIT) break;
    }
  }
  return rows;
}

/**
 * The executions a Master started, in order, each followed by those it started itself: a child that
 * fails starts Terminate EMR Cluster on its own, and that run belongs to the Master's run too.
 */
async function startedByRun(sfn: SFNClient, masterArn: string): Promise<string[]> {
  const found: string[] = [];
  for (const child of startedExecutions(await history(sfn, masterArn), masterArn)) {
    if (!found.includes(child)) found.push(child);
    for (const started of startedExecutions(await history(sfn, child), child))
      if (started !== masterArn && !found.includes(started)) found.push(started);
  }
  return found;
}

/**
 * Every execution, and each Master with the executions its run started (from the histories). `ended`
 * keeps those of Masters that have ended, whose histories no longer change, between calls.
 */
export async function runs(sfn: SFNClient, names: LocalNames, ended = new Map<string, string[]>()): Promise<RunsView> {
  const rows = await listExecutions(sfn, names);
  const children = new Map<string, string[]>();
  for (const master of rows.filter((row) => row.workflow === 'master')) {
    const known = ended.get(master.arn) ?? (await startedByRun(sfn, master.arn));
    if (master.status !== 'RUNNING') ended.set(master.arn, known);
    children.set(master.arn, known);
  }
  return runsView(rows, 'master', children);
}

/** One execution: its row, its graph rendered from its state machine's definition, its path and failure. */
export async function executionDetail(sfn: SFNClient, names: LocalNames, executionArn: string): Promise<ExecutionDetail> {
  const described = await sfn.send(new DescribeExecutionCommand({ executionArn })).catch((error: Error) => {
    if (error instanceof ExecutionDoesNotExist || error.name === 'ExecutionDoesNotExist')
      throw new NotFoundError(`no execution ${executionArn}`, { cause: error });
    if (error instanceof InvalidArn || error.name === 'InvalidArn') throw new BadRequestError(`not an execution ARN: ${executionArn}`);
    throw error;
  });
  const stateMachineArn = described.stateMachineArn ?? '';
  const { definition } = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
  const parsed = parseDefinition(definition ?? '');
  const events = await history(sfn, executionArn);
  const path = executionPath(parsed, events);
  const workflow: WorkflowId | undefined = names.workflowOf(stateMachineArn);
  const execution = executionRow(workflow ?? stateMachineArn, workflow ? WORKFLOW_TITLES[workflow] : stateMachineArn, {
    executionArn,
    stateMachineArn,
    name: described.name,
    status: described.status,
    startDate: described.startDate,
    stopDate: described.stopDate,
  });
  return { execution, mermaid: executionGraph(parsed, path).mermaid, path };
}
