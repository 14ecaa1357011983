// The whole pipeline on the local services: the real bundles, definitions, HiveQL and Spark.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListClustersCommand } from '@aws-sdk/client-emr';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { isListening } from '@data-pipeline/local-cloud';
import { s3Layout, tables } from '@data-pipeline/model';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../src/land';
import { resetLake, runPipeline } from '../src/pipeline';
import { waitUntilQuiet } from '../src/quiet';
import { zoneContents } from '../src/report';
import { type LocalSession, startAndDeploy } from '../src/session';
import { warehouseRows } from '../src/warehouse';

const quiet = () => {};

function csvRows(table: string): string[][] {
  return sampleFiles()
    .filter((file) => file.table === table)
    .flatMap((file) => parse(readFileSync(file.path), { bom: true, from_line: 2, skip_empty_lines: true }) as string[][]);
}

describe('Function: the pipeline on the local services', () => {
  let dir: string;
  let session: LocalSession;

  async function finished(executionArn: string) {
    for (;;) {
      const execution = await session.services.sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (execution.status !== 'RUNNING') return execution;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function activeClusters() {
    const { Clusters } = await session.services.emr.send(
      new ListClustersCommand({ ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'] }),
    );
    return Clusters ?? [];
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'local-pipeline-'));
    session = await startAndDeploy({ dir });
  }, 300_000);

  afterAll(async () => {
    await session?.cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the Master on the sample data: warehouse row for row, zones, state file, cluster and one success notification', {
    timeout: 300_000,
  }, async () => {
    // Prepare
    await resetLake(session.services, session.names.bucket);
    const since = new Date();

    // Act
    const result = await runPipeline(session.services, session.names, { files: sampleFiles(), print: quiet });
    const warehouse = await Promise.all(tables.map((table) => warehouseRows(session.services, table)));
    const zones = await zoneContents(session.services, session.names.bucket);
    const stateFile = await session.services.s3
      .send(new HeadObjectCommand({ Bucket: session.names.bucket, Key: s3Layout.stateFileKey }))
      .catch((error: Error) => error);
    const { Clusters } = await session.services.emr.send(new ListClustersCommand({ CreatedAfter: since }));
    const notifications = (await session.services.messages()).filter((message) => new Date(message.Timestamp) >= since);

    // Assess
    expect(result.status, result.cause).toBe('SUCCEEDED');
    expect(result.problems).toEqual([]);
    expect(warehouse).toEqual(tables.map((table) => csvRows(table.name).sort((a, b) => Number(a[0]) - Number(b[0]))));
    expect(zones.landing).toEqual([]);
    expect(zones.stage).toEqual([]);
    expect(zones.archive.map((key) => key.split('/').pop()).sort()).toEqual(
      sampleFiles()
        .map((file) => file.path.split('/').pop())
        .sort(),
    );
    expect((stateFile as Error).name).toBe('NotFound');
    expect(Clusters?.map((cluster) => cluster.Status?.State)).toEqual(['TERMINATED']);
    expect(notifications.map((message) => message.Subject)).toEqual(['data-pipeline: Master succeeded']);
  });

  it('fails the Master on a failed fact load: the notification names the step, the cluster ends TERMINATED, the dimension stays loaded', {
    timeout: 300_000,
  }, async () => {
    // Prepare
    await resetLake(session.services, session.names.bucket);
    session.cloud.emr.faults.steps.push({
      stepName: 'sample_country_tx_fact - load into warehouse',
      message: 'Injected: the fact load failed',
      remaining: 1,
    });
    const since = new Date();

    // Act
    const result = await runPipeline(session.services, session.names, { files: sampleFiles(), print: quiet });
    const notifications = (await session.services.messages()).filter((message) => new Date(message.Timestamp) >= since);
    const { Clusters } = await session.services.emr.send(new ListClustersCommand({ CreatedAfter: since }));

    // Assess
    expect(result.status, JSON.stringify(notifications)).toBe('FAILED');
    expect(
      notifications.map((message) => message.Subject),
      JSON.stringify(notifications),
    ).toContain('data-pipeline: Fact Process failed');
    expect(notifications.find((message) => message.Subject === 'data-pipeline: Fact Process failed')?.Message).toContain(
      'sample_country_tx_fact - load into warehouse',
    );
    expect(Clusters?.map((cluster) => cluster.Status?.State)).toEqual(['TERMINATED']);
    expect(result.counts.sample_country_dim).toEqual({ '': csvRows('sample_country_dim').length });
    expect(result.counts.sample_country_tx_fact).toEqual({});
  });

  it('runs a child workflow alone against a running cluster, as an operator would after a failure', { timeout: 300_000 }, async () => {
    // Prepare
    await resetLake(session.services, session.names.bucket);
    const start = (workflow: Parameters<typeof session.names.stateMachineArn>[0]) =>
      session.services.sfn
        .send(new StartExecutionCommand({ stateMachineArn: session.names.stateMachineArn(workflow), input: '{}' }))
        .then(({ executionArn }) => finished(executionArn ?? ''));
    const launched = await start('launch-emr-cluster');
    const { landFiles } = await import('../src/land');
    await landFiles(
      session.services.s3,
      session.names.bucket,
      sampleFiles().filter((file) => file.table === 'sample_country_dim'),
    );

    // Act
    const dimension = await start('dimension-process');
    const clustersDuring = await activeClusters();
    const terminated = await start('terminate-emr-cluster');
    await waitUntilQuiet(session.services, session.names);
    const counts = await session.services.query('SELECT count(*) FROM local_dimension_db.sample_country_dim');

    // Assess
    expect([launched.status, dimension.status, terminated.status]).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(clustersDuring.map((cluster) => cluster.Status?.State)).toEqual(['WAITING']);
    expect(counts.rows).toEqual([[String(csvRows('sample_country_dim').length)]]);
    expect(await activeClusters()).toEqual([]);
  });

  it('leaves nothing running once stopped', { timeout: 60_000 }, async () => {
    // Prepare
    const endpoints = Object.values(session.cloud.endpoints);

    // Act
    await session.cloud.stop();
    const listening = await Promise.all(endpoints.map(isListening));

    // Assess
    expect(listening).toEqual(endpoints.map(() => false));
  });
});
