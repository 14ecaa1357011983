// Dimension Process / Fact Process: read the ClusterId, then for each table of the kind (a Map over
// the tables the model declares): move landing → staging, load with Hive, move staging → archive.
// Each step is submitted (submit-cmd-run-step-emr) and polled (status-step-emr).
import { lambdaTask, StatesBuilder } from '../asl/builder';
import { ItemFailures, TERMINATE_FROM_STATE_FILE, terminateCluster } from '../asl/failure';
import { jsonOf, ref, text } from '../asl/intrinsics';
import { addPollLoop } from '../asl/polling';
import type { Json, StateMachineDefinition } from '../asl/types';
import type { TableKind } from '../model-types';
import type { WorkflowReferences } from '../references';
import { WORKFLOW_TITLES, type WorkflowId } from './catalog';
import { workflowFailures } from './failures';

export type TableStep = 'move' | 'load' | 'archive';

export const TABLE_STEPS: ReadonlyArray<{ step: TableStep; submit: string; wait: string; check: string; done: string; label: string }> = [
  { step: 'move', submit: 'Move to staging', wait: 'Wait for move', check: 'Check move', done: 'Move done?', label: 'Move' },
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
    Comment: `The ${kind} tables declared in the model, in order, with their EMR steps.`,
    Result: refs.tables[kind] as unknown as Json,
    ResultPath: '$.tables',
    Next: S.map,
  });
  b.add(S.map, {
    Type: 'Map',
    ItemsPath: '$.tables',
    ItemSelector: { 'ClusterId.$': '$.cluster.ClusterId', 'table.$': '$$.Map.Item.Value', steps: {} },
    MaxConcurrency: refs.tableConcurrency ?? 1,
    ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: TABLE_STEPS[0]?.submit ?? S.tableDone, States: tableStates(b, refs, S) },
    ResultPath: '$.tables',
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: failures.caught(S.map, running) }],
    Next: S.done,
  });
  b.add(S.done, { Type: 'Pass', Parameters: { 'ClusterId.$': '$.cluster.ClusterId', 'tables.$': '$.tables' }, End: true });
  failures.finish();

  return {
    Comment: `${title}: for each ${kind} table in turn, moves its landed files to staging, loads them with Hive and archives them, each as an EMR step on the cluster recorded in the state file. On failure: notifies and terminates the cluster.`,
    StartAt: S.read,
    States: b.states,
  };
}

/** The item processor: the three steps of one table. Its input: `{ ClusterId, table, steps: {} }`. */
function tableStates(parent: StatesBuilder, refs: WorkflowReferences, S: ReturnType<typeof tableProcessStates>) {
  const { lambdas } = refs;
  const b = parent.nested();
  const failures = new ItemFailures(b, S.tableFailed, text`table ${ref('$.table.table')}`);
  TABLE_STEPS.forEach((step, index) => {
    const next = TABLE_STEPS[index + 1]?.submit ?? S.tableDone;
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
  b.add(S.tableDone, { Type: 'Pass', Parameters: { 'table.$': '$.table.table', 'steps.$': '$.steps' }, End: true });
  failures.finish();
  return b.states;
}
