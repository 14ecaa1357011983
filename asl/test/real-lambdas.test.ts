// The workflows with the real Lambda handlers in their Tasks (SDK clients mocked): a definition that
// sends a Lambda the wrong event, or reads a field its result does not have, fails here.
import { RunJobFlowCommand } from '@aws-sdk/client-emr';
import { beforeEach, describe, expect, it } from 'vitest';
import { sampleReferences } from '../src/sample-references';
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

function tableVisit(): string[] {
  return [...TABLE_STEPS.flatMap((step) => [step.submit, ...Array(2).fill([step.wait, step.check, step.done]).flat()]), 'Table processed'];
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
  ] as const)('returns each %s table processed, submitting the model commands as command-runner.jar steps', async (kind, workflow) => {
    // Prepare
    const cluster = cloud.givenRunningCluster();
    const [table] = refs.tables[kind];

    // Act
    const result = await cloud.run(workflow);

    // Assess
    expect(result.visited).toEqual(['Read cluster id', `List ${kind} tables`, `Process ${kind} tables`, 'Tables processed']);
    expect(result.items).toEqual([tableVisit()]);
    expect(cloud.steps.map((step) => [step.name, step.args.join(' ')])).toEqual(
      (['move', 'load', 'archive'] as const).map((step) => [table?.[step].Step_Name, table?.[step].Cmd_Run]),
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ClusterId: cluster.id, tables: [{ table: table?.table }] } });
  });

  it('throws EmrStepFailed from Fact Process when status-step-emr reads the load step FAILED', async () => {
    // Prepare
    const [table] = refs.tables.fact;
    given({ step: ({ Step_Name }) => (Step_Name === table?.load.Step_Name ? ['SUBMITTED', 'ERROR'] : ['SUCCESS']) });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run('fact-process');

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', error: 'EmrStepFailed' });
    expect(cloud.messages).toEqual([
      {
        Subject: 'data-pipeline: Fact Process failed',
        Message: `Fact Process failed in state Process fact tables: EmrStepFailed: table ${table?.table} failed in state Check load: step s-STEP2 (${table?.load.Step_Name}) on cluster ${cluster.id} ended ERROR`,
      },
    ]);
    expect(cloud.started()).toEqual(['terminate-emr-cluster']);
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
    expect(result.visited).toEqual(['Cluster id given?', 'Read cluster id', 'Cluster recorded?', 'Nothing to terminate']);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Status: 'NOTHING_TO_TERMINATE' } });
  });

  it('returns SUCCESS from the Master after running every child and publishes the success notification', async () => {
    // Prepare
    given({ children: 'run', childPolls: 1 });

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
    expect(cloud.steps).toHaveLength(6);
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
});
