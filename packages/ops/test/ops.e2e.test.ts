// The CLI against the local services: the real bundles, definitions, HiveQL and Spark (one set of
// services for the file, started by startAndDeploy on a temporary folder).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type LocalSession, resetLake, sampleFiles, startAndDeploy } from '@data-pipeline/local';
import { getTable, s3Layout, tablePrefixes } from '@data-pipeline/model';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { statusCommand } from '../src/commands/status';
import { connectLocal } from '../src/environments';
import { localOps, sampleRowCount } from './support/local-ops';

type LocalOps = ReturnType<typeof localOps>;

const FACT = 'sample_country_tx_fact';
const DIM = 'sample_country_dim';

describe('Function: ops on the local services', () => {
  let dir: string;
  let session: LocalSession;
  let arn: LocalOps['arn'];
  let ops: LocalOps['ops'];
  let executionCounts: LocalOps['executionCounts'];
  let clusterIds: LocalOps['clusterIds'];
  let keysUnder: LocalOps['keysUnder'];
  let stateFile: LocalOps['stateFile'];
  let idle: LocalOps['idle'];
  let finished: LocalOps['finished'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ops-e2e-'));
    session = await startAndDeploy({ dir: join(dir, 'cloud') });
    ({ arn, ops, executionCounts, clusterIds, keysUnder, stateFile, idle, finished } = localOps(session, dir));
  }, 300_000);

  afterAll(async () => {
    await session?.cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lands the sample files after checking them, and refuses a malformed file without uploading anything', {
    timeout: 60_000,
  }, async () => {
    // Prepare
    await resetLake(session.services, session.names.bucket);
    const malformed = join(dir, `${FACT}_bad.csv`);
    writeFileSync(malformed, 'tx_id,country_id,tx_amount,date_id\n1,1,10.00,20240101\n2,1,12.50\n');
    const facts = sampleFiles().filter((file) => file.table === FACT);
    const dimensions = sampleFiles().filter((file) => file.table === DIM);

    // Act
    const refused = await ops('land', FACT, malformed, facts[0]?.path ?? '');
    const afterRefusal = await keysUnder(tablePrefixes(getTable(FACT)).landing);
    const landedFacts = await ops('--json', 'land', FACT, ...facts.map((file) => file.path));
    const landedDimensions = await ops('land', DIM, ...dimensions.map((file) => file.path));

    // Assess
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`1 of 2 files do not fit ${FACT}; nothing was uploaded`);
    expect(refused.stderr).toContain(`${malformed}:\n  line 3: `);
    expect(afterRefusal).toEqual([]);
    expect([landedFacts.code, landedDimensions.code]).toEqual([0, 0]);
    expect(JSON.parse(landedFacts.stdout).files.map((file: { key: string; rows: number }) => [file.key, file.rows])).toEqual(
      facts.map((file) => [
        `${tablePrefixes(getTable(FACT)).landing}${file.path.split('/').pop()}`,
        readFileSync(file.path, 'utf8').trim().split('\n').length - 1,
      ]),
    );
    expect((await keysUnder(tablePrefixes(getTable(DIM)).landing)).length).toBe(dimensions.length);
  });

  it('names the failed step and its error in the history of a run whose fact load failed', { timeout: 300_000 }, async () => {
    // Prepare: the files landed by the test above; the fact load fails once.
    session.cloud.emr.faults.steps.push({
      stepName: `${FACT} - load into warehouse`,
      message: 'Injected: the fact load failed',
      remaining: 1,
    });
    const { executionArn = '' } = await session.services.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn('master'), name: 'ops-e2e-failing-run', input: '{}' }),
    );
    const master = await finished(executionArn);
    await idle();

    // Act
    const history = await ops('--json', 'history', 'fact-process');
    const text = await ops('history', 'fact-process');
    const status = await ops('--json', 'status');
    const masterHistory = JSON.parse((await ops('--json', 'history', 'ops-e2e-failing-run')).stdout);

    // Assess
    expect(master.status).toBe('FAILED');
    expect(history.code).toBe(0);
    const view = JSON.parse(history.stdout);
    expect(view.execution.status).toBe('FAILED');
    expect(view.failure).toMatchObject({ state: 'Check load', error: 'EmrStepFailed' });
    expect(view.failure.cause).toContain(`${FACT} - load into warehouse`);
    expect(view.failedStep).toMatchObject({ name: `${FACT} - load into warehouse`, state: 'FAILED' });
    expect(view.failedStep.failure.reason).toContain('Injected: the fact load failed');
    expect(text.stdout).toMatch(/\n {2}state {3}Check load\n {2}error {3}EmrStepFailed\n/);
    expect(text.stdout).toContain('reason   Injected: the fact load failed');
    expect(masterHistory.failure).toMatchObject({ state: 'Check Fact Process', error: 'ChildWorkflowFailed' });
    expect(masterHistory.failedChild).toMatchObject({
      workflow: 'fact-process',
      failure: { state: 'Check load', error: 'EmrStepFailed' },
      failedStep: { name: `${FACT} - load into warehouse`, state: 'FAILED' },
    });
    const statusData = JSON.parse(status.stdout);
    expect(statusData.executions.find((entry: { workflow: string }) => entry.workflow === 'master').executions[0].status).toBe('FAILED');
    expect(statusData.stateFile.kind).toBe('none');
    expect(statusData.lastNotification.subject).toMatch(/^data-pipeline: /);
  });

  it('refuses each re-run that must not happen, with its message, and changes nothing', { timeout: 120_000 }, async () => {
    // Prepare: the failed run above left no cluster and no state file.
    const before = { executions: await executionCounts(), clusters: await clusterIds(), stateFile: await stateFile() };

    // Act
    const noCluster = await ops('rerun', 'fact-process');
    const [stale] = before.clusters;
    await session.services.s3.send(new PutObjectCommand({ Bucket: session.names.bucket, Key: s3Layout.stateFileKey, Body: stale ?? '' }));
    const notUp = await ops('--json', 'rerun', 'add-emr-workers');
    await session.services.s3.send(new DeleteObjectCommand({ Bucket: session.names.bucket, Key: s3Layout.stateFileKey }));
    const after = { executions: await executionCounts(), clusters: await clusterIds(), stateFile: await stateFile() };

    // Assess
    expect(noCluster.code).toBe(3);
    expect(noCluster.stderr).toBe(
      `ops: refused: Fact Process needs a running cluster and the state file s3://${session.names.bucket}/${s3Layout.stateFileKey} names none: re-run launch-emr-cluster first\n`,
    );
    expect(notUp.code).toBe(3);
    expect(JSON.parse(notUp.stdout).error).toMatchObject({
      name: 'RefusedError',
      reason: 'cluster-not-up',
      clusterId: stale,
      clusterState: 'TERMINATED',
    });
    expect(after).toEqual(before);
  });

  it('refuses a re-run while the Master or the same workflow runs, and changes nothing', { timeout: 120_000 }, async () => {
    // Prepare: a cluster that fails to start keeps Launch EMR Cluster (and the Master) running for a moment.
    session.cloud.emr.faults.clusterStart = 'Injected: bootstrap failed';
    const { executionArn = '' } = await session.services.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn('master'), name: 'ops-e2e-master-running', input: '{}' }),
    );
    const beforeFact = (await executionCounts())['fact-process'];

    // Act
    const masterRunning = await ops('--json', 'rerun', 'fact-process');
    await finished(executionArn);
    await idle();
    session.cloud.emr.faults.clusterStart = 'Injected: bootstrap failed';
    const launch = await ops('--json', 'rerun', 'launch-emr-cluster');
    const launchArn = JSON.parse(launch.stdout).executionArn;
    const sameRunning = await ops('rerun', 'launch-emr-cluster');
    const launched = await finished(launchArn);
    await idle();
    const launchHistory = JSON.parse((await ops('--json', 'history', launchArn)).stdout);

    // Assess
    expect(masterRunning.code).toBe(3);
    expect(JSON.parse(masterRunning.stdout).error).toMatchObject({ reason: 'master-running', executionArn });
    expect((await executionCounts())['fact-process']).toBe(beforeFact);
    expect(launch.code).toBe(0);
    expect(sameRunning.code).toBe(3);
    expect(sameRunning.stderr).toMatch(
      /^ops: refused: Launch EMR Cluster is already running \(execution data-pipeline-local-launch-emr-cluster_ops_/,
    );
    expect(launched.status).toBe('FAILED');
    expect(launchHistory.failure).toMatchObject({ error: 'EmrClusterStopped' });
    expect(launchHistory.cluster).toMatchObject({
      state: 'TERMINATED_WITH_ERRORS',
      reason: expect.stringContaining('Injected: bootstrap failed'),
    });
    expect(await stateFile()).toEqual([]);
  });

  it('finds the services of `pnpm local up` through its state file, notifications included', { timeout: 60_000 }, async () => {
    // Prepare: the state file `pnpm local up` writes, naming this process and these services.
    const localDir = join(dir, 'local');
    mkdirSync(join(localDir, 'cloud'), { recursive: true });
    const env = session.cloud.clientEnv();
    writeFileSync(
      join(localDir, 'cloud', 'daemon.json'),
      JSON.stringify({
        pid: process.pid,
        control: 'http://127.0.0.1:9',
        layout: session.cloud.layout,
        startedAt: new Date().toISOString(),
        endpoints: session.cloud.endpoints,
        region: session.names.region,
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
      }),
    );
    vi.stubEnv('DATA_PIPELINE_LOCAL_DIR', localDir);

    // Act
    const ctx = await connectLocal({ out: { line: () => {}, info: () => {} } });
    const status = await statusCommand(ctx);

    // Assess
    expect(status.data.environment).toBe('local');
    expect(status.data.executions.find((entry) => entry.workflow === 'master')?.executions.map((execution) => execution.name)).toContain(
      'ops-e2e-failing-run',
    );
    expect(status.data.lastNotification?.subject).toMatch(/^data-pipeline: /);
  });

  it('re-runs Launch EMR Cluster and the fact workflow after the failed fact load: the load completes', { timeout: 300_000 }, async () => {
    // Prepare: the failed load of the second test left the fact files in staging.
    const staged = await keysUnder(tablePrefixes(getTable(FACT)).stage);

    // Act
    const launch = await ops('rerun', 'launch-emr-cluster', '--wait');
    const cluster = await ops('--json', 'cluster');
    const fact = await ops('--json', 'rerun', 'fact-process', '--wait');
    const counts = await session.services.query(`SELECT count(*) FROM local_fact_db.${FACT}`);
    const terminate = await ops('rerun', 'terminate-emr-cluster', '--wait');

    // Assess
    expect(staged.length).toBeGreaterThan(0);
    expect(launch.code, launch.stdout).toBe(0);
    expect(launch.stdout).toMatch(/Launch EMR Cluster SUCCEEDED in /);
    const clusterData = JSON.parse(cluster.stdout);
    expect(clusterData).toMatchObject({ source: 'state-file', cluster: { state: 'WAITING' } });
    expect(clusterData.fleets.map((fleet: { type: string }) => fleet.type).sort()).toEqual(['CORE', 'MASTER']);
    expect(fact.code, fact.stdout).toBe(0);
    expect(JSON.parse(fact.stdout)).toMatchObject({ workflow: 'fact-process', status: 'SUCCEEDED', clusterId: clusterData.cluster.id });
    expect(counts.rows).toEqual([[String(sampleRowCount(FACT))]]);
    expect(await keysUnder(tablePrefixes(getTable(FACT)).stage)).toEqual([]);
    expect(terminate.code).toBe(0);
    expect(await stateFile()).toEqual([]);
  });
});
