// What the fault matrix needs around one local session: a clean start, the Master and single
// workflows run to their end, config.ini swapped as a redeploy would, and a picture of everything an
// operator would look at afterwards (warehouse, zones, clusters, notifications).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ListClustersCommand, ListStepsCommand, TerminateJobFlowsCommand } from '@aws-sdk/client-emr';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS, type WorkflowId } from '@data-pipeline/asl';
import { ACTIVE_CLUSTER_STATES, renderConfigIni } from '@data-pipeline/core';
import { configIniSections, getEnvironment, s3Layout, tables } from '@data-pipeline/model';
import { parse } from 'csv-parse/sync';
import type { FileToLand } from '../../src/land';
import { landFiles, sampleFiles } from '../../src/land';
import { resetLake } from '../../src/pipeline';
import { waitUntilQuiet } from '../../src/quiet';
import { zoneContents } from '../../src/report';
import type { LocalSession } from '../../src/session';
import { warehouseRows } from '../../src/warehouse';

/** A cluster still running or on its way down. */
export const ACTIVE_STATES = [...ACTIVE_CLUSTER_STATES, 'TERMINATING'] as const;

export interface Picture {
  /** Every declared table's warehouse rows, by table name. */
  warehouse: Record<string, string[][]>;
  zones: Awaited<ReturnType<typeof zoneContents>>;
  activeClusters: string[];
  subjects: string[];
  messages: string[];
}

export class Scenario {
  since = new Date();
  /** The config.ini the functions were last (re)started with. */
  private deployedConfig: string | undefined;

  constructor(readonly session: LocalSession) {}

  get services() {
    return this.session.services;
  }

  get bucket() {
    return this.session.names.bucket;
  }

  /** An emptied lake, no fault, no cluster, the deployed config.ini, and the clock for notifications. */
  async reset(): Promise<void> {
    this.session.cloud.emr.faults.clear();
    this.session.cloud.lambda.faults.length = 0;
    await this.settle();
    await this.terminateClusters();
    await this.useConfig(renderConfigIni(configIniSections(getEnvironment('local'))));
    await resetLake(this.services, this.bucket);
    // The local services stamp clusters and messages to the millisecond (as AWS does): a few
    // milliseconds put everything of the earlier case strictly before `since`.
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.since = new Date();
  }

  async land(files: FileToLand[] = sampleFiles()): Promise<void> {
    await landFiles(this.services.s3, this.bucket, files);
  }

  /** Starts a workflow and waits for its end (and for the executions it left running). */
  async run(workflow: WorkflowId, input: unknown = {}): Promise<{ status: string; error?: string; cause?: string; arn: string }> {
    const arn = await this.start(workflow, input);
    const end = await this.finished(arn);
    await this.settle();
    return { ...end, arn };
  }

  async start(workflow: WorkflowId, input: unknown = {}): Promise<string> {
    const { executionArn = '' } = await this.services.sfn.send(
      new StartExecutionCommand({ stateMachineArn: this.session.names.stateMachineArn(workflow), input: JSON.stringify(input) }),
    );
    return executionArn;
  }

  async finished(executionArn: string, timeoutMs = 240_000): Promise<{ status: string; error?: string; cause?: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const execution = await this.services.sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (execution.status !== 'RUNNING') return { status: execution.status ?? '', error: execution.error, cause: execution.cause };
      if (Date.now() > deadline) throw new Error(`${executionArn} still running after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Waits until no execution of any workflow runs and no cluster is TERMINATING. */
  async settle(timeoutMs = 240_000): Promise<void> {
    if (!(await waitUntilQuiet(this.services, this.session.names, { timeoutMs })))
      throw new Error(`executions still running or clusters still terminating after ${timeoutMs} ms`);
  }

  async runningExecutions(): Promise<string[]> {
    const running: string[] = [];
    for (const workflow of WORKFLOW_IDS) {
      const { executions = [] } = await this.services.sfn.send(
        new ListExecutionsCommand({ stateMachineArn: this.session.names.stateMachineArn(workflow), statusFilter: 'RUNNING' }),
      );
      running.push(...executions.map((execution) => execution.executionArn ?? ''));
    }
    return running;
  }

  async activeClusters(): Promise<string[]> {
    const { Clusters = [] } = await this.services.emr.send(new ListClustersCommand({ ClusterStates: [...ACTIVE_STATES] }));
    return Clusters.map((cluster) => cluster.Id ?? '');
  }

  /** The ids of the clusters created since `since`. */
  async clustersSince(): Promise<string[]> {
    const { Clusters = [] } = await this.services.emr.send(new ListClustersCommand({ CreatedAfter: this.since }));
    return Clusters.map((cluster) => cluster.Id ?? '');
  }

  /** The names of the EMR steps of the clusters created since `since`. */
  async stepsSince(): Promise<string[]> {
    const { Clusters = [] } = await this.services.emr.send(new ListClustersCommand({ CreatedAfter: this.since }));
    const names: string[] = [];
    for (const cluster of Clusters) {
      const { Steps = [] } = await this.services.emr.send(new ListStepsCommand({ ClusterId: cluster.Id }));
      names.push(...Steps.map((step) => step.Name ?? ''));
    }
    return names;
  }

  async terminateClusters(): Promise<void> {
    const ids = await this.activeClusters();
    if (ids.length > 0) await this.services.emr.send(new TerminateJobFlowsCommand({ JobFlowIds: ids }));
    await this.until(async () => (await this.activeClusters()).length === 0, 60_000);
  }

  async until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }

  /**
   * Uploads config.ini and restarts the functions, as a deployment does (warm functions keep the one they
   * read). The same config.ini again is no deployment: the functions stay warm, as they would on AWS.
   */
  async useConfig(text: string): Promise<void> {
    if (text === this.deployedConfig) return;
    await this.services.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: s3Layout.configIniKey, Body: text }));
    for (const fn of this.session.cloud.lambda.list()) this.session.cloud.lambda.register(fn);
    this.deployedConfig = text;
  }

  async writeStateFile(clusterId: string): Promise<void> {
    await this.services.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: s3Layout.stateFileKey, Body: clusterId }));
  }

  async removeStateFile(): Promise<void> {
    await this.services.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: s3Layout.stateFileKey }));
  }

  async picture(): Promise<Picture> {
    // Bounded and without failing: a case may look while a cluster it left is meant to be running.
    await waitUntilQuiet(this.services, this.session.names);
    const warehouse: Record<string, string[][]> = {};
    for (const table of tables) warehouse[table.name] = await warehouseRows(this.services, table);
    const notifications = (await this.services.messages()).filter((message) => new Date(message.Timestamp) >= this.since);
    return {
      warehouse,
      zones: await zoneContents(this.services, this.bucket),
      activeClusters: await this.activeClusters(),
      subjects: notifications.map((message) => message.Subject ?? ''),
      messages: notifications.map((message) => message.Message),
    };
  }
}

/** The data rows of CSV files (header skipped, byte order mark dropped), sorted by their first column as a number. */
export function csvRows(files: FileToLand[]): string[][] {
  return files
    .flatMap((file) => parse(readFileSync(file.path), { bom: true, from_line: 2, skip_empty_lines: true }) as string[][])
    .sort((a, b) => Number(a[0]) - Number(b[0]));
}

export function samplesOf(table: string): FileToLand[] {
  return sampleFiles().filter((file) => file.table === table);
}

/** File names under a zone, as the report lists them (the last path segment). */
export function names(keys: string[]): string[] {
  return keys.map((key) => basename(key)).sort();
}

/** One row of the matrix printed at the end: the fault, what the pipeline did, and how the data was checked. */
export interface MatrixRow {
  fault: string;
  outcome: string;
  data: string;
}

export function formatMatrix(rows: MatrixRow[]): string {
  const header = ['fault', 'outcome', 'data check'];
  const cells = rows.map((row) => [row.fault, row.outcome, row.data]);
  const widths = header.map((title, index) => Math.max(title.length, ...cells.map((cell) => (cell[index] ?? '').length)));
  const line = (cell: string[]) => `| ${cell.map((value, index) => value.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
