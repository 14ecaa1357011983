// The workflows with the real Lambda handlers in their Tasks (SDK clients mocked): a definition that
// sends a Lambda the wrong event, or reads a field its result does not have, fails here.
import { ListClustersCommand, RunJobFlowCommand, TerminateJobFlowsCommand } from '@aws-sdk/client-emr';
import { archivedKeyOf, sampleCsv, stagedFileKey, type TableDefinition, tablePrefixes, tablesOfKind } from '@data-pipeline/model';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TableKind } from '../src/model-types';
import { PLACEHOLDER_BUCKET, sampleReferences } from '../src/sample-references';
import { TABLE_STEPS } from '../src/workflows/table-process';
import type { Scenario } from './support/fake-cloud';
import { emr, RealLambdaCloud } from './support/real-lambdas';
import { STATE_FILE } from './support/state-file';

const refs = sampleReferences();
let cloud: RealLambdaCloud;
const given = (scenario: Scenario = {}) => {
  cloud = new RealLambdaCloud(refs, scenario).install();
  return cloud;
};

/** The first declared table of each kind, and a file of each that fits its declared format (the model's sample files). */
function firstOfKind(kind: TableKind): TableDefinition {
  const [table] = tablesOfKind(kind);
  if (!table) throw new Error(`no ${kind} table is declared`);
  return table;
}
const SAMPLE = { dimension: firstOfKind('dimension'), fact: firstOfKind('fact') };
const VALID: Record<TableKind, string> = { dimension: sampleCsv(SAMPLE.dimension, { rows: 2 }), fact: sampleCsv(SAMPLE.fact, { rows: 2 }) };
const STAGING = ['Stage landed files', 'Notice to send?', 'Anything to load?'];

function land(kind: TableKind, file: string, text = VALID[kind]): void {
  cloud.s3.put(PLACEHOLDER_BUCKET, `${tablePrefixes(SAMPLE[kind]).landing}${file}`, text);
}

function tableVisit(): string[] {
  return [
    ...STAGING,
    ...TABLE_STEPS.flatMap((step) => [step.submit, ...Array(2).fill([step.wait, step.check, step.done]).flat()]),
    'Archived a loaded batch?',
    'Table processed',
  ];
}

describe('Function: the workflows with the real Lambda handlers', () => {
  beforeEach(() => {
    given();
  });

  it('returns the started cluster from Launch EMR Cluster, launched with the name in config.ini', async () => {
    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      'Check for running cluster',
      'Cluster already running?',
      'Launch cluster',
      ...Array(2).fill(['Wait for cluster start', 'Check cluster status', 'Cluster started?']).flat(),
      'Record cluster id',
      'Cluster id recorded?',
      'Cluster ready',
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ClusterId: 'j-CLUSTER1', Status: 'STARTED' } });
    expect(emr.commandCalls(RunJobFlowCommand).map((call) => call.args[0].input.Name)).toEqual(['data-pipeline-test']);
    expect(cloud.s3.text(STATE_FILE)).toBe('j-CLUSTER1');
  });

  it('throws ClusterAlreadyRunning from Launch EMR Cluster before RunJobFlow when check-duplicate-emr finds one', async () => {
    // Prepare
    given({ clusterOfSameNameRunning: true });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', error: 'ClusterAlreadyRunning' });
    expect(emr.commandCalls(RunJobFlowCommand)).toEqual([]);
    expect(cloud.messages.map((m) => m.Subject)).toEqual(['data-pipeline: Launch EMR Cluster failed']);
  });

  it.each([
    ['dimension', 'dimension-process'],
    ['fact', 'fact-process'],
  ] as const)('returns each %s table processed: the landed file staged, loaded and archived', async (kind, workflow) => {
    // Prepare
    const cluster = cloud.givenRunningCluster();
    const [table] = refs.tables[kind];
    land(kind, 'day-1.csv');
    const prefixes = tablePrefixes(SAMPLE[kind]);

    // Act
    const result = await cloud.run(workflow);

    // Assess
    expect(result.visited).toEqual([
      'Read cluster id',
      `List ${kind} tables`,
      `Process ${kind} tables`,
      'Find failed tables',
      'Any table failed?',
      'Tables processed',
    ]);
    expect(result.items).toEqual([tableVisit()]);
    expect(cloud.steps.map((step) => [step.name, step.args.join(' ')])).toEqual(
      (['load', 'archive'] as const).map((step) => [table?.[step].Step_Name, table?.[step].Cmd_Run]),
    );
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, 'data-workflows/')).toEqual([
      archivedKeyOf(SAMPLE[kind], stagedFileKey(SAMPLE[kind], 'day-1.csv')),
      STATE_FILE.key,
    ]);
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, prefixes.landing)).toEqual([]);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        ClusterId: cluster.id,
        tables: [{ table: table?.table, Status: 'STAGED', stage: { Moved: 1, Staged: 1, QuarantinedCount: 0 } }],
      },
    });
    expect(cloud.messages).toEqual([]);
  });

  it('returns the dimension EMPTY, notifying and submitting no step, when nothing landed', async () => {
    // Prepare
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('dimension-process');

    // Assess
    expect(result.items).toEqual([['Stage landed files', 'Notice to send?', 'Send notice', 'Anything to load?', 'Nothing to load']]);
    expect(cloud.steps).toEqual([]);
    expect(cloud.messages).toEqual([
      {
        Subject: `data-pipeline: Dimension Process: ${SAMPLE.dimension.name}`,
        Message: `${SAMPLE.dimension.name}: nothing landed and nothing staged; the table is left as it was (no load).`,
      },
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { tables: [{ table: `${SAMPLE.dimension.name}`, Status: 'EMPTY' }] } });
  });

  it('returns the facts loaded after quarantining a malformed file with its report and notifying about it', async () => {
    // Prepare
    cloud.givenRunningCluster();
    land('fact', 'good.csv');
    land('fact', 'bad.csv', 'tx_id,country_id,tx_amount,date_id\n1,1,ten,20260101\n');
    const quarantine = `${tablePrefixes(SAMPLE.fact).quarantine}test-run/`;

    // Act
    const result = await cloud.run('fact-process');

    // Assess
    expect(result.items[0]?.slice(0, 4)).toEqual(['Stage landed files', 'Notice to send?', 'Send notice', 'Anything to load?']);
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, quarantine)).toEqual([`${quarantine}_report.json`, `${quarantine}bad.csv`]);
    expect(cloud.steps.map((step) => step.name)).toEqual([
      `${SAMPLE.fact.name} - load into warehouse`,
      `${SAMPLE.fact.name} - archive staged files`,
    ]);
    expect(cloud.messages.map((m) => m.Subject)).toEqual([`data-pipeline: Fact Process: ${SAMPLE.fact.name}`]);
    expect(cloud.messages[0]?.Message).toMatch(
      /^sample_country_tx_fact: 1 landed file\(s\) did not match the declared format and were quarantined, not loaded; 1 file\(s\) staged for loading\.\n- bad\.csv: line 2: /,
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { tables: [{ Status: 'STAGED', stage: { QuarantinedCount: 1, Moved: 1 } }] },
    });
  });

  it('returns the facts of a new file loaded after archiving, without loading, a batch an earlier run loaded', async () => {
    // Prepare
    cloud.givenRunningCluster();
    const staged = stagedFileKey(SAMPLE.fact, 'day-1.csv');
    cloud.s3.put(PLACEHOLDER_BUCKET, staged, VALID.fact);
    cloud.s3.put(PLACEHOLDER_BUCKET, archivedKeyOf(SAMPLE.fact, staged), VALID.fact);
    land('fact', 'day-2.csv');

    // Act
    const result = await cloud.run('fact-process');

    // Assess
    expect(cloud.steps.map((step) => step.name)).toEqual([
      `${SAMPLE.fact.name} - archive staged files`,
      `${SAMPLE.fact.name} - load into warehouse`,
      `${SAMPLE.fact.name} - archive staged files`,
    ]);
    expect(cloud.calls('stage-landed-files')).toHaveLength(2);
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, tablePrefixes(SAMPLE.fact).archive)).toEqual([
      archivedKeyOf(SAMPLE.fact, staged),
      archivedKeyOf(SAMPLE.fact, stagedFileKey(SAMPLE.fact, 'day-2.csv')),
    ]);
    expect(cloud.messages).toEqual([
      {
        Subject: `data-pipeline: Fact Process: ${SAMPLE.fact.name}`,
        Message: `${SAMPLE.fact.name}: the 1 file(s) in staging were loaded by an earlier run whose archiving stopped; they are archived now without loading them again.`,
      },
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { tables: [{ Status: 'STAGED', stage: { Moved: 1 } }] } });
  });

  it('throws EmrStepFailed from Fact Process when status-step-emr reads the load step FAILED', async () => {
    // Prepare
    const [table] = refs.tables.fact;
    given({ step: ({ Step_Name }) => (Step_Name === table?.load.Step_Name ? ['SUBMITTED', 'ERROR'] : ['SUCCESS']) });
    const cluster = cloud.givenRunningCluster();
    land('fact', 'day-1.csv');

    // Act
    const result = await cloud.run('fact-process');

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', error: 'EmrStepFailed' });
    expect(cloud.messages).toEqual([
      {
        Subject: 'data-pipeline: Fact Process failed',
        Message: `Fact Process failed in state Process fact tables: EmrStepFailed: table ${table?.table} failed in state Check load: step s-STEP1 (${table?.load.Step_Name}) on cluster ${cluster.id} ended ERROR`,
      },
    ]);
    expect(cloud.started()).toEqual(['terminate-emr-cluster']);
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, tablePrefixes(SAMPLE.fact).stage)).toEqual([stagedFileKey(SAMPLE.fact, 'day-1.csv')]);
  });

  it('returns the resized fleet from Add EMR Workers after the fleet resizes', async () => {
    // Prepare
    given({ resize: ['ADDING', 'ADDING', 'SUCCESS'] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('add-emr-workers');

    // Assess
    expect(result.visited).toEqual([
      'Read cluster id',
      'Add spot workers',
      ...Array(3).fill(['Wait for workers', 'Check workers', 'Workers added?']).flat(),
      'Workers added',
    ]);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { ClusterId: cluster.id, WorkerInstanceFleetId: 'if-WORKERS1', TargetTotalWorkers: 8, Status: 'SUCCESS' },
    });
  });

  it('returns the stopped cluster from Terminate EMR Cluster and clears the state file', async () => {
    // Prepare
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ClusterId: cluster.id, Status: 'STOPPED' } });
    expect(cluster.state).toBe('TERMINATED');
    expect(cloud.s3.text(STATE_FILE)).toBeUndefined();
  });

  it('returns NOTHING_TO_TERMINATE from Terminate EMR Cluster when read-state-info-from-s3 finds no state file', async () => {
    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result.visited).toEqual([
      'Cluster id given?',
      'Read cluster id',
      'Cluster recorded?',
      'Look for unrecorded clusters',
      'Unrecorded cluster running?',
      'Nothing to terminate',
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Status: 'NOTHING_TO_TERMINATE', Terminated: [] } });
  });

  it('returns NOTHING_TO_TERMINATE from Terminate EMR Cluster after terminating the running cluster of the name nobody recorded', async () => {
    // Prepare
    given({ clusterOfSameNameRunning: true });

    // Act
    const result = await cloud.run('terminate-emr-cluster');

    // Assess
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Status: 'NOTHING_TO_TERMINATE', Terminated: ['j-CLUSTER1'] } });
    expect(emr.commandCalls(ListClustersCommand)).toHaveLength(1);
    expect(emr.commandCalls(TerminateJobFlowsCommand).map((call) => call.args[0].input)).toEqual([{ JobFlowIds: ['j-CLUSTER1'] }]);
    expect(cloud.clusters.map((c) => c.state)).toEqual(['TERMINATING']);
  });

  it('throws Sandbox.Timedout from Launch EMR Cluster after terminating the cluster RunJobFlow created before launch-emr timed out', async () => {
    // Prepare
    given({
      faults: [{ lambda: 'launch-emr', error: { name: 'Sandbox.Timedout', message: 'Task timed out after 60.00 seconds' }, after: true }],
    });

    // Act
    const result = await cloud.run('launch-emr-cluster');

    // Assess
    expect(emr.commandCalls(RunJobFlowCommand)).toHaveLength(1);
    expect(emr.commandCalls(TerminateJobFlowsCommand).map((call) => call.args[0].input)).toEqual([{ JobFlowIds: ['j-CLUSTER1'] }]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'Sandbox.Timedout',
      cause:
        'Launch EMR Cluster failed in state Launch cluster: Sandbox.Timedout: Task timed out after 60.00 seconds — the launch had created cluster(s) ["j-CLUSTER1"]: their termination was requested.',
    });
    expect(cloud.messages.map((m) => m.Subject)).toEqual(['data-pipeline: Launch EMR Cluster failed']);
  });

  it('returns SUCCESS from the Master after running every child and publishes the success notification', async () => {
    // Prepare
    given({ children: 'run', childPolls: 1 });
    land('dimension', 'countries.csv');
    land('fact', 'day-1.csv');

    // Act
    const result = await cloud.run('master', {});
    const children = await cloud.settled();

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(children.map((child) => [child.workflow, child.result.status])).toEqual([
      ['launch-emr-cluster', 'SUCCEEDED'],
      ['dimension-process', 'SUCCEEDED'],
      ['add-emr-workers', 'SUCCEEDED'],
      ['fact-process', 'SUCCEEDED'],
      ['terminate-emr-cluster', 'SUCCEEDED'],
    ]);
    expect(cloud.steps).toHaveLength(4);
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, 'data-workflows/landing/')).toEqual([]);
    expect(cloud.clusters.map((c) => c.state)).toEqual(['TERMINATED']);
    expect(cloud.messages.map((m) => m.Subject)).toEqual(['data-pipeline: Master succeeded']);
  });

  it('throws MasterAlreadyRunning from a Master started while an earlier one runs, invoking nothing else', async () => {
    // Prepare
    given({ anotherMasterRunning: true });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual(['Check for another running Master', 'Another Master running?', 'Master already running']);
    expect(cloud.invocations.map((call) => call.lambda)).toEqual(['check-duplicate-stepfunction']);
    expect(result).toMatchObject({ status: 'FAILED', error: 'MasterAlreadyRunning' });
  });

  it('returns SUCCESS from the Master without launching a cluster when nothing landed, and notifies that', async () => {
    // Prepare
    given({ children: 'run', childPolls: 1 });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Status: 'NOTHING', Landed: 0, Staged: 0 } });
    expect(cloud.executions).toEqual([]);
    expect(cloud.clusters).toEqual([]);
    expect(cloud.messages.map((m) => m.Subject)).toEqual(['data-pipeline: Master found nothing to load']);
    expect(cloud.messages[0]?.Message).toContain('No cluster was launched.');
  });
});
