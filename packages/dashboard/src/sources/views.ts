// The answers of the API that combine several sources: a page of runs with each run's rows per table,
// and the data of every table with what it kept out flagged.
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { LocalNames, Services } from '@data-pipeline/local';
import type { TableDefinition } from '@data-pipeline/model';
import type { MasterRun } from '../shaping/executions';
import { keptOutByRun, keptOutFlags, runFolderOf } from '../shaping/quarantine';
import { type RunTableCounts, runTableCounts } from '../shaping/run-counts';
import { type ChartData, type CountsSnapshot, countsOverTime } from '../shaping/series';
import type { TableView } from '../shaping/table-view';
import { tableViews } from './data';
import type { KeptOutReader } from './kept-out';
import { listExecutions, type RunsCache, type RunsPage, type RunsPageOptions, runsPage } from './runs';

export interface RunsPageWithCounts extends RunsPage {
  masters: (MasterRun & { tables: RunTableCounts[] })[];
}

export async function runsWithCounts(
  sfn: SFNClient,
  names: LocalNames,
  options: RunsPageOptions,
  cache: RunsCache,
  sources: { snapshots: CountsSnapshot[]; keptOut: KeptOutReader; tables: readonly TableDefinition[] },
): Promise<RunsPageWithCounts> {
  const page = await runsPage(sfn, names, options, cache);
  const byTable = await sources.keptOut.readAll(sources.tables);
  const tableNames = sources.tables.map((table) => table.name);
  return {
    ...page,
    masters: page.masters.map((master) => {
      const executions = [master.name, ...master.children.map((child) => child.name)];
      return { ...master, tables: runTableCounts(sources.snapshots, master.arn, tableNames, keptOutByRun(byTable, executions)) };
    }),
  };
}

const snapshotLabel = (snapshot: { stoppedAt: string; status: string }) =>
  `${snapshot.stoppedAt.slice(11, 19)} ${snapshot.status.toLowerCase()}`;

export interface DataView {
  snapshots: number;
  tables: TableView[];
  counts: { table: string; kind: string; partitionKey?: string; data: ChartData }[];
}

export async function dataView(
  services: Services,
  names: LocalNames,
  tables: readonly TableDefinition[],
  sources: { snapshots: CountsSnapshot[]; keptOut: KeptOutReader },
): Promise<DataView> {
  const views = await tableViews(services, tables, names.bucket);
  const byTable = await sources.keptOut.readAll(tables);
  const anyKeptOut = Object.values(byTable).some((keptOut) => keptOut.reports.length > 0 || (keptOut.rejected ?? []).length > 0);
  // Quarantine and rejects folders are named after the run (the execution) that wrote them.
  const executions = anyKeptOut ? await listExecutions(services.sfn, names) : [];
  const arnOf = new Map(executions.map((row) => [runFolderOf(row.name), row.arn]));
  for (const view of views) {
    const keptOut = byTable[view.table];
    if (keptOut) view.flags.push(...keptOutFlags(keptOut, names.bucket, (runId) => arnOf.get(runId)));
  }
  return {
    snapshots: sources.snapshots.length,
    tables: views,
    counts: tables.map((table) => ({
      table: table.name,
      kind: table.kind,
      partitionKey: table.partitionKeys[0],
      data: countsOverTime(sources.snapshots, table.name, snapshotLabel, { partitioned: table.partitionKeys.length > 0 }),
    })),
  };
}
