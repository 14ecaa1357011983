// The executions of every workflow, from Step Functions: listed per state machine, grouped into
// Master runs with their children, and one execution's path through its definition.
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionDoesNotExist,
  type HistoryEvent,
  InvalidArn,
  ListExecutionsCommand,
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
  /** The Map states of the graph, which the page can ask to draw collapsed. */
  maps: string[];
  collapsed: string[];
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

export interface RunsPageOptions {
  /** The token of the page (ListExecutions' nextToken of the page before); none for the newest. */
  next?: string;
  /** Masters per page. */
  size: number;
  /** The start of the oldest Master of the page before: executions started since belong to it. */
  before?: string;
}

export interface RunsPage extends RunsView {
  /** The token of the next (older) page, when there is one. */
  next?: string;
  /** The start of this page's oldest Master, to ask for the next page with. */
  oldest?: string;
}

/** What the dashboard keeps between calls: the runs of ended Masters, and ended executions, no longer change. */
export interface RunsCache {
  children: Map<string, string[]>;
  ended: Map<string, ExecutionRow>;
}

export const newRunsCache = (): RunsCache => ({ children: new Map(), ended: new Map() });

/** The executions of the workflows other than the Master started within [from, until), newest first. */
async function executionsBetween(sfn: SFNClient, names: LocalNames, from: string | undefined, until: string | undefined, now: Date) {
  const rows: ExecutionRow[] = [];
  for (const workflow of WORKFLOW_IDS.filter((id) => id !== 'master')) {
    let older = false;
    for await (const page of paginateListExecutions(
      { client: sfn },
      { stateMachineArn: names.stateMachineArn(workflow), maxResults: 100 },
    )) {
      for (const item of page.executions ?? []) {
        const start = item.startDate?.toISOString() ?? '';
        if (from && start < from) older = true;
        else if (!until || start < until) rows.push(executionRow(workflow, WORKFLOW_TITLES[workflow], item, now));
      }
      if (older) break;
    }
  }
  return rows;
}

async function describedRow(sfn: SFNClient, names: LocalNames, executionArn: string, now: Date): Promise<ExecutionRow | undefined> {
  const described = await sfn.send(new DescribeExecutionCommand({ executionArn })).catch(() => undefined);
  if (!described) return undefined;
  const workflow = names.workflowOf(described.stateMachineArn ?? '');
  const { executionArn: arn, stateMachineArn, name, status, startDate, stopDate } = described;
  const item = { executionArn: arn, stateMachineArn, name, status, startDate, stopDate };
  return executionRow(workflow ?? stateMachineArn ?? '', workflow ? WORKFLOW_TITLES[workflow] : (stateMachineArn ?? ''), item, now);
}

/**
 * One page of Master runs, newest first (Step Functions ListExecutions, paged by its nextToken), each
 * with the executions its run started (from the histories); and the executions of the other workflows
 * started in the page's span of time that no Master of the page started (a child run on its own).
 */
export async function runsPage(
  sfn: SFNClient,
  names: LocalNames,
  options: RunsPageOptions,
  cache = newRunsCache(),
  now = new Date(),
): Promise<RunsPage> {
  const listed = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: names.stateMachineArn('master'), maxResults: options.size, nextToken: options.next }),
  );
  const masters = (listed.executions ?? []).map((item) => executionRow('master', WORKFLOW_TITLES.master, item, now));
  const oldest = masters.map((row) => row.start ?? '').sort()[0];
  // The last page holds everything older than its Masters too.
  const span = await executionsBetween(sfn, names, listed.nextToken ? oldest : undefined, options.before, now);
  const rows = new Map(span.map((row) => [row.arn, row]));
  const children = new Map<string, string[]>();
  for (const master of masters) {
    const known = cache.children.get(master.arn) ?? (await startedByRun(sfn, master.arn));
    if (master.status !== 'RUNNING') cache.children.set(master.arn, known);
    children.set(master.arn, known);
    for (const arn of known.filter((candidate) => !rows.has(candidate))) {
      const row = cache.ended.get(arn) ?? (await describedRow(sfn, names, arn, now));
      if (row?.stop) cache.ended.set(arn, row);
      if (row) rows.set(arn, row);
    }
  }
  const view = runsView([...masters, ...rows.values()], 'master', children);
  return { ...view, next: listed.nextToken, oldest };
}

/** One execution: its row, its graph rendered from its state machine's definition, its path and failure. */
export async function executionDetail(
  sfn: SFNClient,
  names: LocalNames,
  executionArn: string,
  collapsed: string[] = [],
): Promise<ExecutionDetail> {
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
  const graph = executionGraph(parsed, path, { collapsed });
  return { execution, mermaid: graph.mermaid, path, maps: graph.maps, collapsed: collapsed.filter((name) => graph.maps.includes(name)) };
}
