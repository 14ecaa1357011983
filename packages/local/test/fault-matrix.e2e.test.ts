// The fault matrix: each fault injected into a real run on the local services (the deployed bundles,
// definitions, HiveQL on Spark), then the operator's re-run where one applies, and the same checks
// every time: warehouse rows, files per zone, clusters left, notifications. The matrix is printed at the end.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeClusterCommand } from '@aws-sdk/client-emr';
import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_TITLES } from '@data-pipeline/asl';
import { renderConfigIni } from '@data-pipeline/core';
import { localDir } from '@data-pipeline/local-cloud';
import {
  configIniSections,
  functionName,
  getEnvironment,
  getTable,
  type LambdaName,
  stagedFileKey,
  tablePrefixes,
  tables,
  tablesOfKind,
} from '@data-pipeline/model';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleFiles } from '../src/land';
import { type LocalSession, startAndDeploy } from '../src/session';
import { csvRows, formatMatrix, type MatrixRow, names, type Picture, Scenario, samplesOf } from './support/scenario';

const env = getEnvironment('local');
/** The first declared table of each kind, for the cases about one table. */
const DIMENSION = tablesOfKind('dimension')[0]?.name ?? '';
const FACT = tablesOfKind('fact')[0]?.name ?? '';
const TIMEOUT = { timeout: 600_000 };

const matrix: MatrixRow[] = [];
const record = (fault: string, outcome: string, data: string) => matrix.push({ fault, outcome, data });

/** The picture of one clean run of the samples: every row once, landing and staging empty, each file archived once, no cluster. */
function expectOneCleanLoad(picture: Picture): string {
  expectSampleWarehouse(picture);
  expect(picture.zones.landing).toEqual([]);
  expect(picture.zones.stage).toEqual([]);
  expect(names(picture.zones.archive)).toEqual(names(sampleFiles().map((file) => file.path)));
  expect(picture.activeClusters).toEqual([]);
  const counts = tables.map((table) => picture.warehouse[table.name]?.length ?? 0);
  return `warehouse = samples (${counts.join(' + ')} rows), each file archived once, no cluster`;
}

/** Every declared table holds exactly its sample files' rows. */
function expectSampleWarehouse(picture: Picture): void {
  for (const table of tables) expect(picture.warehouse[table.name], table.name).toEqual(csvRows(samplesOf(table.name)));
}

function lambdaFault(lambda: LambdaName, errorType: string, remaining: number, phase: 'start' | 'end' = 'start') {
  return { functionName: functionName(env, lambda), errorType, message: `Injected: ${lambda} ${errorType}`, remaining, phase };
}

describe('Function: the fault matrix on the local services', () => {
  let dir: string;
  let session: LocalSession;
  let scenario: Scenario;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fault-matrix-'));
    session = await startAndDeploy({ dir });
    scenario = new Scenario(session);
  }, 300_000);

  beforeEach(async () => {
    await scenario.reset();
  }, 300_000);

  afterAll(async () => {
    // Printed here, and kept for the summary of `npm test` (which shows only the output of failing tasks).
    const table = formatMatrix(matrix);
    process.stdout.write(`\nFault matrix\n${table}\n\n`);
    mkdirSync(join(localDir(), 'reports'), { recursive: true });
    writeFileSync(join(localDir(), 'reports', 'fault-matrix.md'), `${table}\n`);
    await session?.cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the Master when the cluster fails to start, touching no data, and the re-run loads everything once', TIMEOUT, async () => {
    // Prepare
    session.cloud.emr.faults.clusterStart = 'Injected: bootstrap action failed';
    await scenario.land();

    // Act
    const failed = await scenario.run('master');
    const afterFailure = await scenario.picture();
    const rerun = await scenario.run('master');

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(afterFailure.subjects).toContain('data-pipeline: Launch EMR Cluster failed');
    expect(afterFailure.messages.join('\n')).toContain('Injected: bootstrap action failed');
    expect(names(afterFailure.zones.landing)).toEqual(names(sampleFiles().map((file) => file.path)));
    expect(afterFailure.activeClusters).toEqual([]);
    expect(rerun.status).toBe('SUCCEEDED');
    record(
      'cluster fails to start',
      'Master FAILED, notified, files left in landing; re-run SUCCEEDED',
      expectOneCleanLoad(await scenario.picture()),
    );
  });

  it('succeeds on on-demand and fewer workers when spot capacity is unavailable, saying so', TIMEOUT, async () => {
    // Prepare
    session.cloud.emr.faults.spotUnavailable = true;
    await scenario.land();

    // Act
    const run = await scenario.run('master');

    // Assess
    const picture = await scenario.picture();
    expect(run.status, run.cause).toBe('SUCCEEDED');
    expect(picture.subjects).toContain('data-pipeline: Add EMR Workers: fewer workers');
    record(
      'spot capacity unavailable',
      'Master SUCCEEDED: launch switched to on-demand, the resize went on short of spot workers with a notice',
      expectOneCleanLoad(picture),
    );
  });

  describe.each(tables.map((table) => ({ table: table.name, workflow: WORKFLOW_TITLES[`${table.kind}-process`] })))(
    'a step of $table',
    ({ table, workflow }) => {
      it('fails the Master when staging fails after moving the files, and the re-run loads everything once', TIMEOUT, async () => {
        // Prepare
        await scenario.land();
        session.cloud.lambda.faults.push({
          ...lambdaFault('stage-landed-files', 'Error', 1, 'end'),
          message: `Injected: staging of ${table} failed`,
          matches: (event) => (event as { Table?: string }).Table === table,
        });

        // Act
        const failed = await scenario.run('master');
        const afterFailure = await scenario.picture();
        const rerun = await scenario.run('master');

        // Assess
        expect(failed.status).toBe('FAILED');
        expect(afterFailure.subjects).toContain(`data-pipeline: ${workflow} failed`);
        expect(afterFailure.activeClusters).toEqual([]);
        expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
        record(
          `${table}: staging fails after its moves`,
          'Master FAILED, notified, cluster terminated; re-run SUCCEEDED',
          expectOneCleanLoad(await scenario.picture()),
        );
      });

      it.each(['load into warehouse', 'archive staged files'])(
        'fails the Master when the %s step fails after doing its work, and the re-run leaves the warehouse as one clean run',
        TIMEOUT,
        async (step) => {
          // Prepare
          await scenario.land();
          session.cloud.emr.faults.steps.push({
            stepName: `${table} - ${step}`,
            message: `Injected: ${step} crashed`,
            remaining: 1,
            phase: 'end',
          });

          // Act
          const failed = await scenario.run('master');
          const afterFailure = await scenario.picture();
          const rerun = await scenario.run('master');

          // Assess
          expect(failed.status).toBe('FAILED');
          expect(afterFailure.messages.join('\n')).toContain(`${table} - ${step}`);
          expect(afterFailure.activeClusters).toEqual([]);
          expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
          record(
            `${table}: ${step} fails after its work${step.startsWith('archive') ? ' (copied, not deleted)' : ''}`,
            'Master FAILED, notified, cluster terminated; re-run SUCCEEDED',
            expectOneCleanLoad(await scenario.picture()),
          );
        },
      );
    },
  );

  it('retries a transient Lambda error and succeeds', TIMEOUT, async () => {
    // Prepare
    await scenario.land();
    session.cloud.lambda.faults.push(lambdaFault('status-step-emr', 'Lambda.ServiceException', 2));

    // Act
    const run = await scenario.run('master');

    // Assess
    expect(run.status, run.cause).toBe('SUCCEEDED');
    expect(session.cloud.lambda.invocations.filter((call) => call.errorType === 'Lambda.ServiceException')).toHaveLength(2);
    record('a Lambda throws a transient error (twice)', 'retried, Master SUCCEEDED', expectOneCleanLoad(await scenario.picture()));
  });

  it(
    'fails the Master on a permanent Lambda error naming it, terminates the cluster, and the re-run loads everything once',
    TIMEOUT,
    async () => {
      // Prepare
      await scenario.land();
      session.cloud.lambda.faults.push(lambdaFault('submit-cmd-run-step-emr', 'Error', 1000));

      // Act
      const failed = await scenario.run('master');
      const afterFailure = await scenario.picture();
      session.cloud.lambda.faults.length = 0;
      const rerun = await scenario.run('master');

      // Assess
      expect(failed.status).toBe('FAILED');
      expect(afterFailure.messages.join('\n')).toContain('Injected: submit-cmd-run-step-emr Error');
      expect(afterFailure.activeClusters).toEqual([]);
      expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
      record(
        'a Lambda throws a permanent error',
        'Master FAILED, notified, cluster terminated; re-run SUCCEEDED',
        expectOneCleanLoad(await scenario.picture()),
      );
    },
  );

  it('terminates the cluster a timed-out launch-emr created, and the re-run loads everything once', TIMEOUT, async () => {
    // Prepare
    await scenario.land();
    session.cloud.lambda.faults.push(lambdaFault('launch-emr', 'Sandbox.Timedout', 1, 'end'));

    // Act
    const failed = await scenario.run('master');
    const afterFailure = await scenario.picture();
    const rerun = await scenario.run('master');

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(afterFailure.subjects).toContain('data-pipeline: Launch EMR Cluster failed');
    expect(afterFailure.activeClusters).toEqual([]);
    expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
    record(
      'launch-emr times out after creating the cluster',
      'Launch FAILED, the cluster found by name terminated; re-run SUCCEEDED',
      expectOneCleanLoad(await scenario.picture()),
    );
  });

  it('fails a child whose state file is missing, notifies, leaves no cluster, and the re-run loads everything once', TIMEOUT, async () => {
    // Prepare
    await scenario.land();
    const launched = await scenario.run('launch-emr-cluster');
    await scenario.removeStateFile();

    // Act
    const failed = await scenario.run('dimension-process');
    const afterFailure = await scenario.picture();
    const rerun = await scenario.run('master');

    // Assess
    expect(launched.status).toBe('SUCCEEDED');
    expect(failed).toMatchObject({ status: 'FAILED', error: 'NoClusterRecordedError' });
    expect(afterFailure.subjects).toContain('data-pipeline: Dimension Process failed');
    expect(afterFailure.activeClusters).toEqual([]);
    expect(names(afterFailure.zones.landing)).toEqual(names(sampleFiles().map((file) => file.path)));
    expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
    record(
      'the state file is missing',
      'child FAILED (NoClusterRecordedError), notified, the running cluster terminated by name; re-run SUCCEEDED',
      expectOneCleanLoad(await scenario.picture()),
    );
  });

  it(
    'fails a child whose state file names an unknown cluster, notifies, keeps the staged files, and the re-run loads everything once',
    TIMEOUT,
    async () => {
      // Prepare
      await scenario.land();
      await scenario.writeStateFile('j-UNKNOWN0000000');

      // Act
      const failed = await scenario.run('dimension-process');
      const afterFailure = await scenario.picture();
      await scenario.removeStateFile();
      const rerun = await scenario.run('master');

      // Assess
      expect(failed.status).toBe('FAILED');
      expect(afterFailure.messages.join('\n')).toContain('j-UNKNOWN0000000');
      expect(afterFailure.activeClusters).toEqual([]);
      expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
      record(
        'the state file names an unknown cluster',
        'child FAILED naming the cluster, notified, no cluster; re-run SUCCEEDED',
        expectOneCleanLoad(await scenario.picture()),
      );
    },
  );

  it('fails a workflow given an event without its field, naming the field, and leaves no cluster', TIMEOUT, async () => {
    // Act
    const failed = await scenario.run('terminate-emr-cluster', { ClusterId: null });
    const afterFailure = await scenario.picture();

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(failed.cause).toContain('ClusterId');
    expect(afterFailure.subjects).toContain('data-pipeline: Terminate EMR Cluster failed');
    expect(afterFailure.activeClusters).toEqual([]);
    record(
      'an event misses its field (ClusterId)',
      'FAILED with EventValidationError naming ClusterId, notified',
      'nothing touched, no cluster',
    );
  });

  it(
    'fails the Master on a malformed config.ini naming section and key, notifies, launches nothing, and the re-run loads everything once',
    TIMEOUT,
    async () => {
      // Prepare
      await scenario.land();
      const sections = configIniSections(env);
      const { emr_name: _dropped, ...basic } = sections.basic ?? {};
      await scenario.useConfig(renderConfigIni({ ...sections, basic }));

      // Act
      const failed = await scenario.run('master');
      const afterFailure = await scenario.picture();
      await scenario.useConfig(renderConfigIni(sections));
      const rerun = await scenario.run('master');

      // Assess
      expect(failed.status).toBe('FAILED');
      expect(failed.cause).toContain('emr_name');
      expect(afterFailure.subjects).toContain('data-pipeline: Master failed');
      expect(afterFailure.messages.join('\n')).toContain('[basic]');
      expect(afterFailure.activeClusters).toEqual([]);
      expect(names(afterFailure.zones.landing)).toEqual(names(sampleFiles().map((file) => file.path)));
      expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
      record(
        'config.ini misses [basic] emr_name',
        'Master FAILED naming [basic] emr_name, notified, nothing launched; re-run SUCCEEDED',
        expectOneCleanLoad(await scenario.picture()),
      );
    },
  );

  it(
    'runs exactly one of two Masters started at the same moment; the other stops before touching anything and says why',
    TIMEOUT,
    async () => {
      // Prepare
      await scenario.land();

      // Act
      const arns = await Promise.all([scenario.start('master'), scenario.start('master')]);
      const ends = await Promise.all(arns.map((arn) => scenario.finished(arn)));
      await scenario.settle();
      const { Clusters = [] } = await session.services.emr.send(
        new (await import('@aws-sdk/client-emr')).ListClustersCommand({ CreatedAfter: scenario.since }),
      );

      // Assess
      expect(ends.map((end) => end.status).sort()).toEqual(['FAILED', 'SUCCEEDED']);
      const stopped = ends.find((end) => end.status === 'FAILED');
      expect(stopped?.error).toBe('MasterAlreadyRunning');
      expect(stopped?.cause).toContain('is running; this execution stopped before doing anything');
      expect(Clusters).toHaveLength(1);
      record(
        'two Masters started at the same moment',
        'one SUCCEEDED; the other FAILED MasterAlreadyRunning before any task',
        expectOneCleanLoad(await scenario.picture()),
      );
    },
  );

  it(
    'quarantines a malformed file with a report, loads the good files of the batch and lists it in the notification',
    TIMEOUT,
    async () => {
      // Prepare
      const bad = join(dir, 'sample_country_tx_fact_bad.csv');
      writeFileSync(bad, 'tx_id,country_id,tx_amount,date_id\n900,1,10.00,20240101\n901,1,20240101\n902,x,1.00,20240101\n');
      await scenario.land([...sampleFiles(), { table: FACT, path: bad }]);

      // Act
      const run = await scenario.run('master');
      const picture = await scenario.picture();

      // Assess
      expect(run.status, run.cause).toBe('SUCCEEDED');
      const quarantine = tablePrefixes(getTable(FACT)).quarantine.slice('data-workflows/quarantine/DWH/'.length);
      expect(picture.zones.quarantine.map((key) => key.replace(/\/[^/]+\/([^/]+)$/, '/<run>/$1'))).toEqual([
        `${quarantine}<run>/_report.json`,
        `${quarantine}<run>/sample_country_tx_fact_bad.csv`,
      ]);
      const notice = picture.messages.find((message) => message.includes('sample_country_tx_fact_bad.csv'));
      expect(notice).toContain('line 3: has 3 columns, expected 4');
      expect(notice).toContain('line 4: country_id "x" is not an integer (int)');
      record(
        'a malformed file lands with good ones',
        'Master SUCCEEDED; the file quarantined with its report, the notification names line and reason',
        `${expectOneCleanLoad(picture)}; quarantine holds the file and its report`,
      );
    },
  );

  it('launches no cluster and leaves every table as it was when nothing landed, and says so', TIMEOUT, async () => {
    // Prepare
    await scenario.land();
    const first = await scenario.run('master');
    scenario.since = new Date();

    // Act
    const empty = await scenario.run('master');
    const picture = await scenario.picture();
    const clusters = await scenario.clustersSince();

    // Assess
    expect([first.status, empty.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(clusters).toEqual([]);
    expect(picture.subjects).toEqual(['data-pipeline: Master found nothing to load']);
    expect(picture.messages[0]).toContain('No cluster was launched.');
    record(
      'the landing zone is empty',
      'Master SUCCEEDED without launching a cluster; the notification says nothing was there to load',
      expectOneCleanLoad(picture),
    );
  });

  it('leaves a table with nothing landed as it was and reports it as a no-op while another table loads', TIMEOUT, async () => {
    // Prepare
    await scenario.land();
    const first = await scenario.run('master');
    await scenario.land(samplesOf(FACT));
    scenario.since = new Date();

    // Act
    const factOnly = await scenario.run('master');
    const picture = await scenario.picture();
    const steps = await scenario.stepsSince();

    // Assess
    expect([first.status, factOnly.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(picture.messages.filter((message) => message.includes('nothing landed and nothing staged'))).toEqual([
      `${DIMENSION}: nothing landed and nothing staged; the table is left as it was (no load).`,
    ]);
    expect(steps.filter((step) => step.startsWith(DIMENSION))).toEqual([]);
    expect(steps.filter((step) => step.startsWith(FACT)).length).toBeGreaterThan(0);
    record(
      'one table has nothing landed',
      'Master SUCCEEDED; that table reported as a no-op and not loaded, the other loaded',
      expectOneCleanLoad(picture),
    );
  });

  it(
    'ends with each file exactly once in staging and loaded once when a move stopped between its copy and its delete',
    TIMEOUT,
    async () => {
      // Prepare: the state a staging move interrupted after its copy leaves
      await scenario.land();
      const [file] = samplesOf(FACT);
      const name = file?.path.split('/').pop() ?? '';
      const fact = getTable(FACT);
      await session.services.s3.send(
        new CopyObjectCommand({
          Bucket: scenario.bucket,
          Key: stagedFileKey(fact, name),
          CopySource: `${scenario.bucket}/${tablePrefixes(fact).landing}${name}`,
        }),
      );

      // Act
      const run = await scenario.run('master');

      // Assess
      expect(run.status, run.cause).toBe('SUCCEEDED');
      record(
        'a move crashes between copy and delete',
        'Master SUCCEEDED; the file moved again onto the same key',
        expectOneCleanLoad(await scenario.picture()),
      );
    },
  );

  it(
    'lets idle auto-termination end the cluster of a workflow stopped by hand, losing no file, and the re-run loads everything once',
    TIMEOUT,
    async () => {
      // Prepare
      const sections = configIniSections(env);
      await scenario.useConfig(renderConfigIni({ ...sections, cluster: { ...sections.cluster, idle_timeout_seconds: '60' } }));
      await scenario.land();
      const arn = await scenario.start('master');
      await scenario.until(async () => (await scenario.activeClusters()).length > 0, 120_000);
      const [clusterId] = await scenario.activeClusters();

      // Act
      await scenario.until(async () => (await scenario.runningExecutions()).length > 1, 120_000);
      for (const execution of await scenario.runningExecutions())
        await session.services.sfn.send(new StopExecutionCommand({ executionArn: execution }));
      const ended = await scenario.until(async () => (await scenario.activeClusters()).length === 0, 120_000);
      const cluster = await session.services.emr.send(new DescribeClusterCommand({ ClusterId: clusterId }));
      const afterStop = await scenario.picture();
      await scenario.useConfig(renderConfigIni(sections));
      const rerun = await scenario.run('master');

      // Assess
      expect(arn).not.toBe('');
      expect(ended).toBe(true);
      expect(cluster.Cluster?.Status?.StateChangeReason?.Message).toContain('idle');
      const everywhere = [...afterStop.zones.landing, ...afterStop.zones.stage, ...afterStop.zones.archive];
      expect(new Set(names(everywhere))).toEqual(new Set(names(sampleFiles().map((file) => file.path))));
      expect(rerun.status, rerun.cause).toBe('SUCCEEDED');
      record(
        'the workflows are stopped by hand',
        'cluster ended by idle auto-termination; every file still in landing, staging or archive; re-run SUCCEEDED',
        expectOneCleanLoad(await scenario.picture()),
      );
    },
  );

  it('raises the alarm when terminating fails: the notification names the cluster left running', TIMEOUT, async () => {
    // Prepare
    await scenario.land();
    session.cloud.lambda.faults.push(lambdaFault('terminate-emr', 'Error', 1000));

    // Act
    const run = await scenario.run('master');
    const picture = await scenario.picture();
    session.cloud.lambda.faults.length = 0;
    await scenario.terminateClusters();

    // Assess
    expect(run.status).toBe('FAILED');
    expect(picture.subjects).toContain('data-pipeline: Terminate EMR Cluster failed');
    expect(picture.activeClusters).toHaveLength(1);
    expect(picture.messages.join('\n')).toContain(picture.activeClusters[0] ?? '(no cluster)');
    expectSampleWarehouse(picture);
    record(
      'terminating the cluster fails',
      'Master FAILED; Terminate EMR Cluster failed notification names the cluster (CloudWatch alarm on AWS; idle auto-termination the backstop)',
      'warehouse = samples; the cluster left running until terminated',
    );
  });
});
