// Executions as the page lists them: one row each, with its workflow, status and duration; a Master's
// children in the order it started them.
import type { ExecutionListItem } from '@aws-sdk/client-sfn';

export interface ExecutionRow {
  workflow: string;
  title: string;
  arn: string;
  name: string;
  status: string;
  start?: string;
  stop?: string;
  /** Seconds from start to stop, or to `now` while it runs. */
  durationSeconds?: number;
}

export interface MasterRun extends ExecutionRow {
  children: ExecutionRow[];
}

export interface RunsView {
  masters: MasterRun[];
  /** Executions no listed Master started (a child workflow run on its own). */
  others: ExecutionRow[];
  /** Every execution of every workflow, newest first. */
  all: ExecutionRow[];
}

export function executionRow(workflow: string, title: string, item: ExecutionListItem, now = new Date()): ExecutionRow {
  const start = item.startDate;
  const end = item.stopDate ?? (item.status === 'RUNNING' ? now : undefined);
  return {
    workflow,
    title,
    arn: item.executionArn ?? '',
    name: item.name ?? '',
    status: item.status ?? 'UNKNOWN',
    start: start?.toISOString(),
    stop: item.stopDate?.toISOString(),
    durationSeconds: start && end ? Math.max(0, (end.getTime() - start.getTime()) / 1000) : undefined,
  };
}

const newestFirst = (a: ExecutionRow, b: ExecutionRow) => (b.start ?? '').localeCompare(a.start ?? '');

/**
 * Groups executions into Master runs: `childArns` gives, per Master execution, the executions it
 * started in order (from its history). Children not listed (yet) are left out.
 */
export function runsView(rows: ExecutionRow[], masterWorkflow: string, childArns: Map<string, string[]>): RunsView {
  const byArn = new Map(rows.map((row) => [row.arn, row]));
  const claimed = new Set<string>();
  const masters = rows
    .filter((row) => row.workflow === masterWorkflow)
    .sort(newestFirst)
    .map((row) => {
      const children = (childArns.get(row.arn) ?? []).flatMap((arn) => {
        const child = byArn.get(arn);
        if (!child) return [];
        claimed.add(arn);
        return [child];
      });
      return { ...row, children };
    });
  const others = rows.filter((row) => row.workflow !== masterWorkflow && !claimed.has(row.arn)).sort(newestFirst);
  return { masters, others, all: [...rows].sort(newestFirst) };
}
