// Dimension Process / Fact Process: read the ClusterId, then for each table of the kind (a Map over
// the tables the model declares): stage the landed files (stage-landed-files checks each one,
// quarantines what does not fit, answers EMPTY when there is nothing to load), load with Hive, move
// staging → archive. The EMR steps are submitted (submit-cmd-run-step-emr) and polled (status-step-emr).
import { lambdaTask, StatesBuilder, statusIs } from '../asl/builder';
import { ItemFailures, TERMINATE_FROM_STATE_FILE, terminateCluster } from '../asl/failure';
import { jsonOf, ref, text, textField } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { StateMachineDefinition } from '../asl/types';
import type { TableKind } from '../model-types';
import type { WorkflowReferences } from '../references';
import { workflowFailures } from './failures';
import { WORKFLOW_TITLES, type WorkflowId } from './registry';
import { tableItems } from './table-items';

export type TableStep = 'load' | 'archive';

/** The fields of stage-landed-files' answer that every answer has, kept in each table's result. */
const STAGE_SUMMARY = {
  'Table.$': '$.stage.Table',
  'Status.$': '$.stage.Status',
  'Staged.$': '$.stage.Staged',
  'Moved.$': '$.stage.Moved',
  'QuarantinedCount.$': '$.stage.QuarantinedCount',
};

export const TABLE_STEPS: ReadonlyArray<{ step: TableStep; submit: string; wait: string; check: string; done: string; label: string }> = [
  { step: 'load', submit: 'Load into warehouse', wait: 'Wait for load', check: 'Check load', done: 'Load done?', label: 'Load' },
  {
    step: 'archive',
    submit: 'Archive staged files',
    wait: 'Wait for archive',
    check: 'Check archive',
    done: 'Archive done?',
    label: 'Archive',
  },
];

export function tableProcessStates(kind: TableKind) {
  return {
    read: 'Read cluster id',
    list: `List ${kind} tables`,
    map: `Process ${kind} tables`,
    done: 'Tables processed',
    findFailed: 'Find failed tables',
    anyFailed: 'Any table failed?',
    listFailed: 'List failed tables',
    howManyFailed: 'More than one failed?',
    oneFailed: 'A table failed',
    manyFailed: 'Tables failed',
    stage: 'Stage landed files',
    notice: 'Notice to send?',
    sendNotice: 'Send notice',
    staged: 'Anything to load?',
    skipped: 'Nothing to load',
    reStage: 'Archived a loaded batch?',
    tableDone: 'Table processed',
    tableFailed: 'Table failed',
  } as const;
}

const WORKFLOW_OF: Record<TableKind, WorkflowId> = { dimension: 'dimension-process', fact: 'fact-process' };

export function tableProcess(kind: TableKind, refs: WorkflowReferences): StateMachineDefinition {
  const S = tableProcessStates(kind);
  const { lambdas } = refs;
  const title = WORKFLOW_TITLES[WORKFLOW_OF[kind]];
  const b = new StatesBuilder();
  const failures = workflowFailures(WORKFLOW_OF[kind], refs, b);
  const running = terminateCluster('$.cluster.ClusterId');
  const items = tableItems(refs.tables[kind]);

  b.add(
    S.read,
    lambdaTask({
      resource: lambdas['read-state-info-from-s3'],
      parameters: {},
      resultPath: '$.cluster',
      onError: failures.caught(S.read, TERMINATE_FROM_STATE_FILE),
      next: S.list,
    }),
  );
  b.add(S.list, {
    Type: 'Pass',
    Comment: `The ${kind} tables declared in the model, in order (each item builds its EMR steps from their name).`,
    Result: items.list,
    ResultPath: '$.tables',
    Next: S.map,
  });
  b.add(S.map, {
    Type: 'Map',
    ItemsPath: '$.tables',
    ItemSelector: { 'ClusterId.$': '$.cluster.ClusterId', ...items.selector, 'RunId.$': '$$.Execution.Name', steps: {} },
    MaxConcurrency: refs.tableConcurrency ?? 1,
    ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: S.stage, States: tableStates(b, refs, S, title) },
    ResultPath: '$.tables',
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: failures.caught(S.map, running) }],
    Next: S.findFailed,
  });
  // A filter that matches nothing is an empty list on AWS (JSONPath's indefinite paths) but an error in some
  // emulators: the filter runs only once every item's `failed` flag says one matches.
  b.add(S.findFailed, {
    Type: 'Pass',
    Comment: 'Each table that failed ended its item with failed: true and its failure record, after the other tables ran to their end.',
    Parameters: { 'flags.$': 'States.JsonToString($.tables[*].failed)' },
    ResultPath: '$.failed',
    Next: S.anyFailed,
  });
  b.add(S.anyFailed, {
    Type: 'Choice',
    Choices: [{ Variable: '$.failed.flags', StringMatches: '*true*', Next: S.listFailed }],
    Default: S.done,
  });
  b.add(S.listFailed, {
    Type: 'Pass',
    Parameters: { 'failures.$': '$.tables[?(@.failed == true)].failure', 'messages.$': '$.tables[?(@.failed == true)].failure.message' },
    ResultPath: '$.failed',
    Next: S.howManyFailed,
  });
  const first = (path: string) => ref(`$.failed.failures[0].${path}`);
  b.add(S.howManyFailed, {
    Type: 'Choice',
    Choices: [
      {
        Variable: '$.failed.failures[1]',
        IsPresent: true,
        Next: failures.reported(S.manyFailed, {
          state: S.map,
          errorPath: first('error').path,
          cause: text`tables failed: ${jsonOf('$.failed.messages')}`,
          cleanup: running,
        }),
      },
    ],
    Default: failures.reported(S.oneFailed, {
      state: S.map,
      errorPath: first('error').path,
      cause: text`${first('message')}`,
      cleanup: running,
    }),
  });
  b.add(S.done, { Type: 'Pass', Parameters: { 'ClusterId.$': '$.cluster.ClusterId', 'tables.$': '$.tables' }, End: true });
  failures.finish();

  return {
    Comment: `${title}: per ${kind} table, stages the landed files that fit, loads them with Hive and archives them (asl/README.md).`,
    StartAt: S.read,
    States: b.states,
  };
}

/** The item processor: stage, load and archive one table. Its input: `{ ClusterId, table, RunId, steps: {} }`. */
function tableStates(parent: StatesBuilder, refs: WorkflowReferences, S: ReturnType<typeof tableProcessStates>, title: string) {
  const { lambdas } = refs;
  const b = parent.nested();
  const failures = new ItemFailures(b, S.tableFailed, text`table ${ref('$.table.table')}`);
  const [load, archive] = TABLE_STEPS;
  addStaging(b, refs, S, failures, { title, load: load?.submit ?? S.tableDone, archive: archive?.submit ?? S.tableDone });
  TABLE_STEPS.forEach((step, index) => {
    const next = TABLE_STEPS[index + 1]?.submit ?? S.reStage;
    const result = `$.steps.${step.step}`;
    b.add(
      step.submit,
      lambdaTask({
        resource: lambdas['submit-cmd-run-step-emr'],
        parameters: { 'ClusterId.$': '$.ClusterId', 'NextStepNameAndCmd.$': `$.table.${step.step}` },
        resultPath: result,
        onError: failures.caught(step.submit),
        next: step.wait,
      }),
    );
    addPollLoop({
      builder: b,
      wait: { name: step.wait, seconds: refs.pollIntervals.step },
      check: {
        name: step.check,
        resource: lambdas['status-step-emr'],
        parameters: { 'ClusterId.$': `${result}.ClusterId`, 'StepId.$': `${result}.StepId` },
        resultPath: result,
        onError: failures.caught(step.check),
      },
      decide: {
        name: step.done,
        statusPath: `${result}.Status`,
        inProgress: ['SUBMITTED'],
        outcomes: [
          { status: 'SUCCESS', next },
          {
            status: 'ERROR',
            next: failures.detected(`${step.label} step failed`, {
              state: step.check,
              error: 'EmrStepFailed',
              cause: text`step ${ref(`${result}.StepId`)} (${ref(`$.table.${step.step}.Step_Name`)}) on cluster ${ref('$.ClusterId')} ended ERROR`,
            }),
          },
        ],
        unexpected: failures.detected(`Unexpected ${step.step} status`, {
          state: step.check,
          error: 'UnexpectedStatus',
          cause: text`status-step-emr answered ${jsonOf(result)}`,
        }),
      },
    });
  });
  b.add(S.reStage, {
    Type: 'Choice',
    Comment: 'A batch loaded by an earlier run was archived: stage again, for what landed since.',
    Choices: [statusIs('$.stage.Status', 'LOADED', S.stage)],
    Default: S.tableDone,
  });
  b.add(S.tableDone, {
    Type: 'Pass',
    Comment: 'The staging answer is kept in brief (its notice and quarantine list are in the history): 200 tables must fit in 256 KB.',
    Parameters: { 'table.$': '$.table.table', 'Status.$': '$.stage.Status', stage: STAGE_SUMMARY, 'steps.$': '$.steps', failed: false },
    End: true,
  });
  failures.finish({ 'table.$': '$.table.table', failed: true });
  return b.states;
}

/** stage-landed-files, its notice when it has one, and the choice between load, archive and nothing. */
function addStaging(
  b: StatesBuilder,
  refs: WorkflowReferences,
  S: ReturnType<typeof tableProcessStates>,
  failures: ItemFailures,
  next: { title: string; load: string; archive: string },
): void {
  const { lambdas } = refs;
  b.add(
    S.stage,
    lambdaTask({
      resource: lambdas['stage-landed-files'],
      parameters: { 'Bucket.$': '$.table.stage.Bucket', 'Table.$': '$.table.stage.Table', 'RunId.$': '$.RunId' },
      resultPath: '$.stage',
      onError: failures.caught(S.stage),
      next: S.notice,
    }),
  );
  b.add(S.notice, {
    Type: 'Choice',
    Choices: [{ Variable: '$.stage.Notice', IsPresent: true, Next: S.sendNotice }],
    Default: S.staged,
  });
  b.add(
    S.sendNotice,
    lambdaTask({
      resource: lambdas['send-msg-sns'],
      parameters: { ...textField('Subject', text`data-pipeline: ${next.title}: ${ref('$.table.table')}`), 'Message.$': '$.stage.Notice' },
      resultPath: '$.notice',
      comment: 'A notice that cannot be sent does not stop the load; the error is kept in the state.',
      onError: S.staged,
      catchPath: '$.noticeError',
      next: S.staged,
    }),
  );
  b.add(S.staged, {
    Type: 'Choice',
    Choices: [
      statusIs('$.stage.Status', 'STAGED', next.load),
      // Staging is asked again only after the archive step of a LOADED batch succeeded; LOADED once more
      // means that archive left the batch in staging, and archiving it again would loop for ever.
      {
        And: [
          { Variable: '$.stage.Status', StringEquals: 'LOADED' },
          { Variable: '$.steps.archive', IsPresent: true },
        ],
        Next: failures.detected('Loaded batch still staged', {
          state: S.stage,
          error: 'LoadedBatchNotArchived',
          cause: text`stage-landed-files answered LOADED again after archive step ${ref('$.steps.archive.StepId')} succeeded: the batch is still in staging`,
        }),
      },
      statusIs('$.stage.Status', 'LOADED', next.archive),
      statusIs('$.stage.Status', 'EMPTY', S.skipped),
    ],
    Default: failures.detected('Unexpected staging status', {
      state: S.stage,
      error: 'UnexpectedStatus',
      cause: text`stage-landed-files answered ${jsonOf('$.stage')}`,
    }),
  });
  b.add(S.skipped, {
    Type: 'Pass',
    Comment: 'Nothing landed and nothing staged: the table is left as it was.',
    Parameters: { 'table.$': '$.table.table', Status: 'EMPTY', stage: STAGE_SUMMARY, 'steps.$': '$.steps', failed: false },
    End: true,
  });
}
