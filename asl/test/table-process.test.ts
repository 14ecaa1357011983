import { describe, expect, it } from 'vitest';
import type { TableKind, TableWorkflowSteps } from '../src/model-types';
import { PLACEHOLDER_BUCKET, sampleReferences } from '../src/sample-references';
import { TABLE_STEPS } from '../src/workflows/table-process';
import { FakeCloud } from './support/fake-cloud';

const refs = sampleReferences();
const TERMINATE_ARN = refs.stateMachines.terminate;
const WORKFLOW = { dimension: 'dimension-process', fact: 'fact-process' } as const;
const TITLE = { dimension: 'Dimension Process', fact: 'Fact Process' } as const;

/** The states one table visits when each step answers SUBMITTED `polls - 1` times, then SUCCESS. */
function tableVisit(polls = 2): string[] {
  return [
    ...TABLE_STEPS.flatMap((step) => [step.submit, ...Array(polls).fill([step.wait, step.check, step.done]).flat()]),
    'Table processed',
  ];
}

/** Another table like the sample one of its kind (as the model would derive it). */
function extraTable(kind: TableKind, table: string): TableWorkflowSteps {
  const [sample] = refs.tables[kind];
  const rename = (text: string) => text.replaceAll(sample?.table ?? '', table);
  if (!sample) throw new Error('no sample table');
  return {
    table,
    kind,
    move: { Step_Name: rename(sample.move.Step_Name), Cmd_Run: rename(sample.move.Cmd_Run) },
    load: { Step_Name: rename(sample.load.Step_Name), Cmd_Run: rename(sample.load.Cmd_Run) },
    archive: { Step_Name: rename(sample.archive.Step_Name), Cmd_Run: rename(sample.archive.Cmd_Run) },
  };
}

describe.each(['dimension', 'fact'] as const)('Function: %s process', (kind) => {
  const [sample] = refs.tables[kind];
  if (!sample) throw new Error(`no sample ${kind} table`);

  it('returns each step of the table as SUCCESS after moving, loading and archiving it', async () => {
    // Prepare
    const cloud = new FakeCloud(refs);
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.visited).toEqual(['Read cluster id', `List ${kind} tables`, `Process ${kind} tables`, 'Tables processed']);
    expect(result.items).toEqual([tableVisit()]);
    expect(cloud.steps.map((step) => [step.name, step.args.join(' ')])).toEqual([
      [sample.move.Step_Name, sample.move.Cmd_Run],
      [sample.load.Step_Name, sample.load.Cmd_Run],
      [sample.archive.Step_Name, sample.archive.Cmd_Run],
    ]);
    expect(cloud.steps[0]?.args).toEqual([
      's3-dist-cp',
      '--src',
      expect.stringContaining('/landing/'),
      '--dest',
      expect.stringContaining('/stage/'),
      '--deleteOnSuccess',
    ]);
    expect(cloud.steps[1]?.args.slice(0, 3)).toEqual(['hive', '-v', '-f']);
    expect(cloud.steps[2]?.args).toEqual([
      's3-dist-cp',
      '--src',
      expect.stringContaining('/stage/'),
      '--dest',
      expect.stringContaining('/archive/'),
      '--deleteOnSuccess',
    ]);
    const step = (id: string) => ({ ClusterId: cluster.id, StepId: id, Status: 'SUCCESS' });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        ClusterId: cluster.id,
        tables: [{ table: sample.table, steps: { move: step('s-STEP1'), load: step('s-STEP2'), archive: step('s-STEP3') } }],
      },
    });
    expect(cloud.messages).toEqual([]);
  });

  it('polls a step until SUCCESS when it answers SUBMITTED several times', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      step: ({ Step_Name }) => (Step_Name === sample.load.Step_Name ? ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUCCESS'] : ['SUCCESS']),
    });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    const [move, load, archive] = TABLE_STEPS;
    expect(result.items[0]).toEqual([
      move?.submit,
      move?.wait,
      move?.check,
      move?.done,
      load?.submit,
      ...Array(4).fill([load?.wait, load?.check, load?.done]).flat(),
      archive?.submit,
      archive?.wait,
      archive?.check,
      archive?.done,
      'Table processed',
    ]);
    expect(cloud.calls('status-step-emr')).toHaveLength(6);
    expect(result.status).toBe('SUCCEEDED');
  });

  it.each(TABLE_STEPS.map((step, index) => [step.label, index] as const))(
    'throws EmrStepFailed, notifies and starts Terminate when the %s step ends ERROR',
    async (label, index) => {
      // Prepare
      const failing = TABLE_STEPS[index];
      const command = sample[failing?.step ?? 'move'];
      const cloud = new FakeCloud(refs, {
        step: ({ Step_Name }) => (Step_Name === command.Step_Name ? ['SUBMITTED', 'ERROR'] : ['SUCCESS']),
      });
      const cluster = cloud.givenRunningCluster();

      // Act
      const result = await cloud.run(WORKFLOW[kind]);

      // Assess
      expect(result.visited).toEqual([
        'Read cluster id',
        `List ${kind} tables`,
        `Process ${kind} tables`,
        `Process ${kind} tables failed`,
        'Notify failure',
        'Cluster may be running?',
        'Start cluster termination',
        `${TITLE[kind]} failed`,
      ]);
      expect(result.items[0]?.slice(-3)).toEqual([failing?.done, `${label} step failed`, 'Table failed']);
      expect(cloud.steps).toHaveLength(index + 1);
      const message = `${TITLE[kind]} failed in state Process ${kind} tables: EmrStepFailed: table ${sample.table} failed in state ${failing?.check}: step s-STEP${index + 1} (${command.Step_Name}) on cluster ${cluster.id} ended ERROR`;
      expect(cloud.messages).toEqual([{ Subject: `data-pipeline: ${TITLE[kind]} failed`, Message: message }]);
      expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
        { nextStateMachineArn: TERMINATE_ARN, ClusterId: cluster.id },
      ]);
      expect(result).toMatchObject({ status: 'FAILED', error: 'EmrStepFailed', cause: message });
    },
  );

  it('processes every table of the references in order and stops at the first whose step ends ERROR', async () => {
    // Prepare
    const tables = { ...refs.tables, [kind]: [sample, extraTable(kind, `second_${kind}`), extraTable(kind, `third_${kind}`)] };
    const cloud = new FakeCloud(sampleReferences({ tables }), {
      step: ({ Step_Name }) => (Step_Name === `second_${kind} - archive staged files` ? ['ERROR'] : ['SUCCESS']),
    });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items[0]).toEqual(tableVisit(1));
    expect(result.items[1]?.slice(-3)).toEqual(['Archive done?', 'Archive step failed', 'Table failed']);
    // aws-local-stepfunctions may begin the next item before it aborts the Map (Step Functions does
    // not): whatever it began, no later table completes.
    expect(result.items.slice(2).flat()).not.toContain('Table processed');
    expect(cloud.steps.slice(0, 6).map((step) => step.name)).toEqual([
      sample.move.Step_Name,
      sample.load.Step_Name,
      sample.archive.Step_Name,
      `second_${kind} - move landing to stage`,
      `second_${kind} - load into warehouse`,
      `second_${kind} - archive staged files`,
    ]);
    expect(cloud.messages[0]?.Message).toBe(
      `${TITLE[kind]} failed in state Process ${kind} tables: EmrStepFailed: table second_${kind} failed in state Check archive: step s-STEP6 (second_${kind} - archive staged files) on cluster ${cluster.id} ended ERROR`,
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'EmrStepFailed' });
  });

  it('returns every table of the references, in order, when a table is added to them', async () => {
    // Prepare
    const tables = { ...refs.tables, [kind]: [sample, extraTable(kind, `second_${kind}`), extraTable(kind, `third_${kind}`)] };
    const cloud = new FakeCloud(sampleReferences({ tables }), { step: () => ['SUCCESS'] });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items).toEqual([tableVisit(1), tableVisit(1), tableVisit(1)]);
    expect((result.output as { tables: Array<{ table: string }> }).tables.map((t) => t.table)).toEqual([
      sample.table,
      `second_${kind}`,
      `third_${kind}`,
    ]);
    expect(cloud.steps.filter((step) => step.args[0] === 'hive').map((step) => step.args[3])).toEqual([
      `s3://${PLACEHOLDER_BUCKET}/data-workflows/prod/libs/hive-scripts/${sample.table}.hql`,
      `s3://${PLACEHOLDER_BUCKET}/data-workflows/prod/libs/hive-scripts/second_${kind}.hql`,
      `s3://${PLACEHOLDER_BUCKET}/data-workflows/prod/libs/hive-scripts/third_${kind}.hql`,
    ]);
  });

  it('throws the Lambda error naming the table and state when submitting a step fails for good', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [
        {
          lambda: 'submit-cmd-run-step-emr',
          state: 'Load into warehouse',
          error: { name: 'ValidationException', message: 'Cluster is terminating' },
        },
      ],
    });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items[0]?.slice(-3)).toEqual(['Load into warehouse', 'Load into warehouse failed', 'Table failed']);
    const message = `${TITLE[kind]} failed in state Process ${kind} tables: ValidationException: table ${sample.table} failed in state Load into warehouse: Cluster is terminating`;
    expect(cloud.messages.map((m) => m.Message)).toEqual([message]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: cluster.id },
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ValidationException', cause: message });
  });

  it('returns SUCCESS after status-step-emr meets a transient Lambda error once (Retry)', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [
        {
          lambda: 'status-step-emr',
          state: 'Check archive',
          error: { name: 'Lambda.SdkClientException', message: 'socket hang up' },
          times: 1,
        },
      ],
    });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items).toEqual([tableVisit()]);
    expect(result.retried).toEqual(['Check archive']);
    expect(result.status).toBe('SUCCEEDED');
  });
});
