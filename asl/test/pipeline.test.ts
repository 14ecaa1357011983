// The Master with its children really running: submit-stepfunction starts the child definitions
// in the same fake AWS, status-stepfunction reports how they ended.
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_BUCKET, sampleReferences } from '../src/sample-references';
import { CHILD_WORKFLOW_IDS } from '../src/workflows/registry';
import { FakeCloud } from './support/fake-cloud';
import { STATE_FILE } from './support/state-file';

const refs = sampleReferences();
/** The first declared fact, for the cases about one table. */
const FACT = refs.tables.fact[0]?.table ?? '';

describe('Function: Master with its children running', () => {
  it('returns SUCCESS after loading every declared table on a cluster it launched and terminated', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { children: 'run', childPolls: 1 });

    // Act
    const result = await cloud.run('master', {});
    const children = await cloud.settled();

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(children.map((child) => [child.workflow, child.result.status])).toEqual(
      CHILD_WORKFLOW_IDS.map((workflow) => [workflow, 'SUCCEEDED']),
    );
    // Every declared table, by kind in the order the Master runs them; RunId is the child execution's name.
    const declared = [
      ...refs.tables.dimension.map((table) => ['dimension-process', table.table] as const),
      ...refs.tables.fact.map((table) => ['fact-process', table.table] as const),
    ];
    const runIds = new Map(cloud.executions.map((execution) => [execution.workflow, execution.arn.split(':').at(-1)]));
    expect(cloud.calls('stage-landed-files').map((call) => [call.workflow, call.input])).toEqual(
      declared.map(([workflow, table]) => [workflow, { Bucket: PLACEHOLDER_BUCKET, Table: table, RunId: runIds.get(workflow) }]),
    );
    expect(cloud.steps.map((step) => step.name)).toEqual(
      declared.flatMap(([, table]) => [`${table} - load into warehouse`, `${table} - archive staged files`]),
    );
    expect(cloud.clusters.map((cluster) => [cluster.id, cluster.state])).toEqual([['j-CLUSTER1', 'TERMINATED']]);
    expect(cloud.s3.text(STATE_FILE)).toBeUndefined();
    expect(cloud.messages.map((m) => m.Subject)).toEqual(['data-pipeline: Master succeeded']);
  });

  it('throws ChildWorkflowFailed and leaves no cluster running when a fact step ends ERROR', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      children: 'run',
      childPolls: 1,
      step: ({ Step_Name }) => (Step_Name === `${FACT} - load into warehouse` ? ['SUBMITTED', 'ERROR'] : ['SUCCESS']),
    });

    // Act
    const result = await cloud.run('master', {});
    const children = await cloud.settled();

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', error: 'ChildWorkflowFailed' });
    expect(children.map((child) => [child.workflow, child.result.status])).toEqual([
      ['launch-emr-cluster', 'SUCCEEDED'],
      ['dimension-process', 'SUCCEEDED'],
      ['add-emr-workers', 'SUCCEEDED'],
      ['fact-process', 'FAILED'],
      ['terminate-emr-cluster', 'SUCCEEDED'],
      ['terminate-emr-cluster', 'SUCCEEDED'],
    ]);
    // Fact Process asked for its cluster by id, the Master for the one the state file records: both end well.
    expect(children.filter((child) => child.workflow === 'terminate-emr-cluster').map((child) => child.input)).toEqual([
      { nextStateMachineArn: refs.stateMachines['terminate-emr-cluster'], ClusterId: 'j-CLUSTER1' },
      { nextStateMachineArn: refs.stateMachines['terminate-emr-cluster'] },
    ]);
    expect(cloud.clusters.map((cluster) => cluster.state)).toEqual(['TERMINATED']);
    expect(cloud.s3.text(STATE_FILE)).toBeUndefined();
    expect(cloud.messages.map((m) => m.Message)).toEqual([
      `Fact Process failed in state Process fact tables: EmrStepFailed: table ${FACT} failed in state Check load: step s-STEP${2 * refs.tables.dimension.length + 1} (${FACT} - load into warehouse) on cluster j-CLUSTER1 ended ERROR`,
      `Master failed in state Check Fact Process: ChildWorkflowFailed: Fact Process execution ${cloud.executions[3]?.arn} failed, timed out or was aborted; its own notification tells why`,
    ]);
  });

  it('throws ChildWorkflowFailed and terminates nothing when the cluster fails to start', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { children: 'run', childPolls: 1, clusterStart: ['STARTING', 'STOPPED'] });

    // Act
    const result = await cloud.run('master', {});
    const children = await cloud.settled();

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', error: 'ChildWorkflowFailed' });
    expect(children.map((child) => [child.workflow, child.result.status, child.result.output])).toEqual([
      ['launch-emr-cluster', 'FAILED', undefined],
      ['terminate-emr-cluster', 'SUCCEEDED', expect.objectContaining({ Status: 'NOTHING_TO_TERMINATE' })],
    ]);
    expect(cloud.calls('terminate-emr')).toEqual([]);
    expect(cloud.messages.map((m) => m.Subject)).toEqual(['data-pipeline: Launch EMR Cluster failed', 'data-pipeline: Master failed']);
  });

  it('throws ChildWorkflowFailed and leaves no cluster running when launch-emr times out after RunJobFlow', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      children: 'run',
      childPolls: 1,
      faults: [{ lambda: 'launch-emr', error: { name: 'Sandbox.Timedout', message: 'Task timed out after 60.00 seconds' }, after: true }],
    });

    // Act
    const result = await cloud.run('master', {});
    const children = await cloud.settled();

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', error: 'ChildWorkflowFailed' });
    expect(children.map((child) => [child.workflow, child.result.status, child.result.error])).toEqual([
      ['launch-emr-cluster', 'FAILED', 'Sandbox.Timedout'],
      ['terminate-emr-cluster', 'SUCCEEDED', undefined],
    ]);
    expect(children[1]?.result.output).toMatchObject({ Status: 'NOTHING_TO_TERMINATE', Terminated: [] });
    expect(cloud.calls('terminate-emr').map((call) => [call.workflow, call.input])).toEqual([
      ['launch-emr-cluster', { ClusterId: 'j-CLUSTER1' }],
    ]);
    expect(cloud.clusters.map((cluster) => [cluster.id, cluster.state])).toEqual([['j-CLUSTER1', 'TERMINATING']]);
    expect(cloud.messages.map((m) => m.Subject)).toEqual(['data-pipeline: Launch EMR Cluster failed', 'data-pipeline: Master failed']);
  });
});
