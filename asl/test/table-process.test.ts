import { describe, expect, it } from 'vitest';
import type { TableKind, TableWorkflowSteps } from '../src/model-types';
import { PLACEHOLDER_BUCKET, sampleReferences } from '../src/sample-references';
import { TABLE_STEPS } from '../src/workflows/table-process';
import { FakeCloud } from './support/fake-cloud';

const refs = sampleReferences();
const TERMINATE_ARN = refs.stateMachines['terminate-emr-cluster'];
const WORKFLOW = { dimension: 'dimension-process', fact: 'fact-process' } as const;
const TITLE = { dimension: 'Dimension Process', fact: 'Fact Process' } as const;
const STAGING = ['Stage landed files', 'Notice to send?', 'Anything to load?'];
const STAGING_WITH_NOTICE = ['Stage landed files', 'Notice to send?', 'Send notice', 'Anything to load?'];
type Step = (typeof TABLE_STEPS)[number];
const byName = (name: string): Step => {
  const found = TABLE_STEPS.find((step) => step.step === name);
  if (!found) throw new Error(`no ${name} step`);
  return found;
};
const LOAD = byName('load');
const ARCHIVE = byName('archive');

/** The states of one EMR step answering SUBMITTED `polls - 1` times, then SUCCESS. */
function stepVisit(step: Step, polls = 2): string[] {
  return [step.submit, ...Array(polls).fill([step.wait, step.check, step.done]).flat()];
}

/** The states one table visits when staging answers STAGED without a notice. */
function tableVisit(polls = 2): string[] {
  return [...STAGING, ...stepVisit(LOAD, polls), ...stepVisit(ARCHIVE, polls), 'Archived a loaded batch?', 'Table processed'];
}

/** Another table like the sample one of its kind (as the model would derive it). */
function extraTable(kind: TableKind, table: string): TableWorkflowSteps {
  const [sample] = refs.tables[kind];
  if (!sample) throw new Error('no sample table');
  const rename = (text: string) => text.replaceAll(sample.table, table);
  return {
    table,
    kind,
    stage: { Bucket: sample.stage.Bucket, Table: table },
    load: { Step_Name: rename(sample.load.Step_Name), Cmd_Run: rename(sample.load.Cmd_Run) },
    archive: { Step_Name: rename(sample.archive.Step_Name), Cmd_Run: rename(sample.archive.Cmd_Run) },
  };
}

describe.each(['dimension', 'fact'] as const)('Function: %s process', (kind) => {
  const [sample] = refs.tables[kind];
  if (!sample) throw new Error(`no sample ${kind} table`);
  const noticeSubject = `data-pipeline: ${TITLE[kind]}: ${sample.table}`;

  it('returns the table STAGED with its load and archive steps SUCCESS after staging, loading and archiving it', async () => {
    // Prepare
    const cloud = new FakeCloud(refs);
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

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
    expect(cloud.calls('stage-landed-files').map((call) => call.input)).toEqual([
      { Bucket: PLACEHOLDER_BUCKET, Table: sample.table, RunId: 'test-run' },
    ]);
    expect(cloud.steps.map((step) => [step.name, step.args.join(' ')])).toEqual([
      [sample.load.Step_Name, sample.load.Cmd_Run],
      [sample.archive.Step_Name, sample.archive.Cmd_Run],
    ]);
    expect(cloud.steps[0]?.args[0]).toBe('spark-sql');
    expect(cloud.steps[0]?.args).toContain('-f');
    expect(cloud.steps[1]?.args).toEqual([
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
        tables: [
          {
            table: sample.table,
            Status: 'STAGED',
            stage: { Table: sample.table, Status: 'STAGED', Staged: 1, QuarantinedCount: 0 },
            steps: { load: step('s-STEP1'), archive: step('s-STEP2') },
          },
        ],
      },
    });
    expect(cloud.messages).toEqual([]);
  });

  it('returns the table EMPTY, sends its notice and submits no EMR step when nothing landed', async () => {
    // Prepare
    const notice = `${sample.table}: nothing landed and nothing staged; the table is left as it was (no load).`;
    const cloud = new FakeCloud(refs, { staging: () => [{ Status: 'EMPTY', Notice: notice }] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items).toEqual([[...STAGING_WITH_NOTICE, 'Nothing to load']]);
    expect(cloud.calls('submit-cmd-run-step-emr')).toEqual([]);
    expect(cloud.steps).toEqual([]);
    expect(cloud.messages).toEqual([{ Subject: noticeSubject, Message: notice }]);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { ClusterId: cluster.id, tables: [{ table: sample.table, Status: 'EMPTY', steps: {} }] },
    });
  });

  it('returns the table loaded after sending the quarantine notice when some landed files did not fit', async () => {
    // Prepare
    const notice = `${sample.table}: 2 landed file(s) did not match the declared format and were quarantined, not loaded; 1 file(s) staged for loading.`;
    const cloud = new FakeCloud(refs, { staging: () => [{ Status: 'STAGED', Notice: notice, quarantined: 2 }] });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items).toEqual([[...STAGING_WITH_NOTICE, ...tableVisit().slice(STAGING.length)]]);
    expect(cloud.messages).toEqual([{ Subject: noticeSubject, Message: notice }]);
    expect(cloud.steps.map((step) => step.name)).toEqual([sample.load.Step_Name, sample.archive.Step_Name]);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { tables: [{ table: sample.table, Status: 'STAGED', stage: { QuarantinedCount: 2 } }] },
    });
  });

  it('returns the table loaded when sending its notice fails: the notice does not stop the load', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      staging: () => [{ Status: 'STAGED', Notice: 'quarantined' }],
      faults: [{ lambda: 'send-msg-sns', state: 'Send notice', error: { name: 'AuthorizationErrorException', message: 'not allowed' } }],
    });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items).toEqual([[...STAGING_WITH_NOTICE, ...tableVisit().slice(STAGING.length)]]);
    expect(cloud.calls('send-msg-sns').map((call) => call.state)).toEqual(['Send notice']);
    expect(cloud.steps.map((step) => step.name)).toEqual([sample.load.Step_Name, sample.archive.Step_Name]);
    expect(cloud.started()).toEqual([]);
    expect(result.status).toBe('SUCCEEDED');
  });

  it('returns the table STAGED after archiving a LOADED batch without loading it, then staging and loading what landed since', async () => {
    // Prepare
    const notice = `${sample.table}: the 1 file(s) in staging were loaded by an earlier run whose archiving stopped; they are archived now without loading them again.`;
    const cloud = new FakeCloud(refs, { staging: () => [{ Status: 'LOADED', Notice: notice }, { Status: 'STAGED' }] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items).toEqual([[...STAGING_WITH_NOTICE, ...stepVisit(ARCHIVE), 'Archived a loaded batch?', ...tableVisit()]]);
    expect(cloud.steps.map((step) => step.name)).toEqual([sample.archive.Step_Name, sample.load.Step_Name, sample.archive.Step_Name]);
    expect(cloud.calls('stage-landed-files')).toHaveLength(2);
    expect(cloud.messages).toEqual([{ Subject: noticeSubject, Message: notice }]);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        ClusterId: cluster.id,
        tables: [{ table: sample.table, Status: 'STAGED', steps: { load: { StepId: 's-STEP2' }, archive: { StepId: 's-STEP3' } } }],
      },
    });
  });

  it('returns the table EMPTY after archiving a LOADED batch when nothing landed since', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { staging: () => [{ Status: 'LOADED', Notice: 'loaded already' }, { Status: 'EMPTY' }] });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items).toEqual([
      [...STAGING_WITH_NOTICE, ...stepVisit(ARCHIVE), 'Archived a loaded batch?', ...STAGING, 'Nothing to load'],
    ]);
    expect(cloud.steps.map((step) => step.name)).toEqual([sample.archive.Step_Name]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { tables: [{ table: sample.table, Status: 'EMPTY' }] } });
  });

  it('throws LoadedBatchNotArchived instead of archiving again when staging answers LOADED after the archive succeeded', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { staging: () => [{ Status: 'LOADED' }] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items[0]?.slice(-3)).toEqual(['Anything to load?', 'Loaded batch still staged', 'Table failed']);
    expect(cloud.steps.map((step) => step.name)).toEqual([sample.archive.Step_Name]);
    const message = `${TITLE[kind]} failed in state Process ${kind} tables: LoadedBatchNotArchived: table ${sample.table} failed in state Stage landed files: stage-landed-files answered LOADED again after archive step s-STEP1 succeeded: the batch is still in staging`;
    expect(cloud.messages).toEqual([{ Subject: `data-pipeline: ${TITLE[kind]} failed`, Message: message }]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: cluster.id },
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'LoadedBatchNotArchived', cause: message });
  });

  it('throws the Lambda error naming the table, notifies and starts Terminate when stage-landed-files fails for good', async () => {
    // Prepare
    const moveError = {
      name: 'FileMoveError',
      message: `could not move s3://${PLACEHOLDER_BUCKET}/landing/a.csv to s3://${PLACEHOLDER_BUCKET}/stage/a.csv`,
    };
    const cloud = new FakeCloud(refs, { faults: [{ lambda: 'stage-landed-files', error: moveError }] });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items[0]).toEqual(['Stage landed files', 'Stage landed files failed', 'Table failed']);
    expect(result.visited.slice(-9)).toEqual([
      'Find failed tables',
      'Any table failed?',
      'List failed tables',
      'More than one failed?',
      'A table failed',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      `${TITLE[kind]} failed`,
    ]);
    expect(cloud.steps).toEqual([]);
    const message = `${TITLE[kind]} failed in state Process ${kind} tables: FileMoveError: table ${sample.table} failed in state Stage landed files: ${moveError.message}`;
    expect(cloud.messages).toEqual([{ Subject: `data-pipeline: ${TITLE[kind]} failed`, Message: message }]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: cluster.id },
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'FileMoveError', cause: message });
  });

  it('throws UnexpectedStatus naming the answer when stage-landed-files answers a status outside its contract', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { staging: () => [{ Status: 'PARTIAL' }] });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.items[0]).toEqual([...STAGING, 'Unexpected staging status', 'Table failed']);
    expect(cloud.steps).toEqual([]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'UnexpectedStatus' });
    expect(result.cause).toContain(
      `table ${sample.table} failed in state Stage landed files: stage-landed-files answered {"Table":"${sample.table}","Status":"PARTIAL"`,
    );
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
    expect(result.items[0]).toEqual([
      ...STAGING,
      ...stepVisit(LOAD, 4),
      ...stepVisit(ARCHIVE, 1),
      'Archived a loaded batch?',
      'Table processed',
    ]);
    expect(cloud.calls('status-step-emr')).toHaveLength(5);
    expect(result.status).toBe('SUCCEEDED');
  });

  it.each(TABLE_STEPS.map((step, index) => [step.label, index] as const))(
    'throws EmrStepFailed, notifies and starts Terminate when the %s step ends ERROR',
    async (label, index) => {
      // Prepare
      const failing = TABLE_STEPS[index];
      const command = sample[failing?.step ?? 'load'];
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
        'Find failed tables',
        'Any table failed?',
        'List failed tables',
        'More than one failed?',
        'A table failed',
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

  it('processes every table, then notifies and fails naming the one whose step ended ERROR, when one of three fails', async () => {
    // Prepare
    const tables = { ...refs.tables, [kind]: [sample, extraTable(kind, `second_${kind}`), extraTable(kind, `third_${kind}`)] };
    const cloud = new FakeCloud(sampleReferences({ tables, tableConcurrency: 1 }), {
      step: ({ Step_Name }) => (Step_Name === `second_${kind} - archive staged files` ? ['ERROR'] : ['SUCCESS']),
    });
    const cluster = cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess: the third table still ran to its end
    expect(result.items[0]).toEqual(tableVisit(1));
    expect(result.items[1]?.slice(-3)).toEqual(['Archive done?', 'Archive step failed', 'Table failed']);
    expect(result.items[2]).toEqual(tableVisit(1));
    expect(cloud.steps.map((step) => step.name)).toEqual([
      sample.load.Step_Name,
      sample.archive.Step_Name,
      `second_${kind} - load into warehouse`,
      `second_${kind} - archive staged files`,
      `third_${kind} - load into warehouse`,
      `third_${kind} - archive staged files`,
    ]);
    expect(cloud.messages.map((message) => message.Message)).toEqual([
      `${TITLE[kind]} failed in state Process ${kind} tables: EmrStepFailed: table second_${kind} failed in state Check archive: step s-STEP4 (second_${kind} - archive staged files) on cluster ${cluster.id} ended ERROR`,
    ]);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual([
      { nextStateMachineArn: TERMINATE_ARN, ClusterId: cluster.id },
    ]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'EmrStepFailed' });
  });

  it('notifies once naming every failed table, with the first one’s error, when two tables fail', async () => {
    // Prepare
    const tables = { ...refs.tables, [kind]: [sample, extraTable(kind, `second_${kind}`), extraTable(kind, `third_${kind}`)] };
    const cloud = new FakeCloud(sampleReferences({ tables, tableConcurrency: 3 }), {
      step: ({ Step_Name }) => (Step_Name.endsWith('load into warehouse') && !Step_Name.startsWith('second_') ? ['ERROR'] : ['SUCCESS']),
    });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess
    expect(result.visited).toContain('Tables failed');
    expect(result.visited).not.toContain('A table failed');
    expect(result.items[1]).toEqual(tableVisit(1));
    expect(cloud.messages).toHaveLength(1);
    const message = cloud.messages[0]?.Message ?? '';
    expect(message).toMatch(new RegExp(`^${TITLE[kind]} failed in state Process ${kind} tables: EmrStepFailed: tables failed: \\[`));
    expect(message).toContain(`table ${sample.table} failed in state Check load`);
    expect(message).toContain(`table third_${kind} failed in state Check load`);
    expect(message).not.toContain(`table second_${kind} failed`);
    expect(result).toMatchObject({ status: 'FAILED', error: 'EmrStepFailed', cause: message });
  });

  it('runs the tables at once, up to tableConcurrency, when the references allow several', async () => {
    // Prepare
    const tables = { ...refs.tables, [kind]: [sample, extraTable(kind, `second_${kind}`), extraTable(kind, `third_${kind}`)] };
    const cloud = new FakeCloud(sampleReferences({ tables, tableConcurrency: 3 }), { step: () => ['SUBMITTED', 'SUCCESS'] });
    cloud.givenRunningCluster();

    // Act
    const result = await cloud.run(WORKFLOW[kind]);

    // Assess: the three loads were submitted before any archive
    const names = cloud.steps.map((step) => step.name);
    const lastLoad = Math.max(...names.map((name, index) => (name.endsWith('load into warehouse') ? index : -1)));
    const firstArchive = names.findIndex((name) => name.endsWith('archive staged files'));
    expect(lastLoad).toBeLessThan(firstArchive);
    expect(result.status).toBe('SUCCEEDED');
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
    expect(cloud.calls('stage-landed-files').map((call) => (call.input as { Table: string }).Table)).toEqual([
      sample.table,
      `second_${kind}`,
      `third_${kind}`,
    ]);
    expect(cloud.steps.filter((step) => step.args[0] === 'spark-sql').map((step) => step.args[step.args.indexOf('-f') + 1])).toEqual([
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

  it('returns SUCCESS after stage-landed-files and status-step-emr each meet a transient Lambda error once (Retry)', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [
        { lambda: 'stage-landed-files', error: { name: 'Lambda.TooManyRequestsException', message: 'Rate Exceeded.' }, times: 1 },
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
    expect(result.retried).toEqual(['Stage landed files', 'Check archive']);
    expect(result.status).toBe('SUCCEEDED');
  });
});
