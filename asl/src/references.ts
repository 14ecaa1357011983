// What the builders need from the outside world. The infrastructure passes Terraform references
// (token strings), the local mode concrete ARNs: values are only interpolated, never parsed.
import { ReferencesError } from './errors';
import { LAMBDA_NAMES, type LambdaName } from './lambda-names';
import type { PollIntervals, TableKind, TableWorkflowSteps } from './model-types';
import { CHILD_WORKFLOW_IDS, type ChildWorkflowId } from './workflows/registry';

/** The ARN of each child state machine, by its workflow id. */
export type ChildStateMachines = Record<ChildWorkflowId, string>;

/** Every child's state machine ARN, from a function of its workflow id: what infra, the local mode and ops pass. */
export function childStateMachines(arnOf: (workflow: ChildWorkflowId) => string): ChildStateMachines {
  return Object.fromEntries(CHILD_WORKFLOW_IDS.map((id) => [id, arnOf(id)])) as ChildStateMachines;
}

export interface WorkflowReferences {
  /** The function (or alias) ARN each Task invokes. */
  lambdas: Record<LambdaName, string>;
  /** ARNs of the child state machines the Master starts (and the children start Terminate). */
  stateMachines: ChildStateMachines;
  /**
   * The Master state machine's name or ARN, for check-duplicate-stepfunction. A name avoids a
   * reference cycle in Terraform (the Master's definition cannot reference its own ARN).
   */
  masterStateMachine: string;
  /** Seconds between polls (the environment's). */
  pollIntervals: PollIntervals;
  /** Per table, in the order they run: the staging event and the EMR steps. */
  tables: Record<TableKind, TableWorkflowSteps[]>;
  /** How many tables of one kind are processed at the same time (the Map's MaxConcurrency); default 1. */
  tableConcurrency?: number;
}

const INTERVALS: ReadonlyArray<keyof PollIntervals> = ['clusterStart', 'step', 'resize', 'childWorkflow', 'terminate'];
/** Step Functions caps a Wait at one year; an interval above a day is a mistake here. */
const MAX_INTERVAL_SECONDS = 86_400;

/** Throws ReferencesError listing every missing or invalid reference. */
export function validateReferences(refs: WorkflowReferences): void {
  const problems: string[] = [];
  const requireString = (what: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${what} is missing`);
  };
  for (const name of LAMBDA_NAMES) requireString(`lambdas.${name}`, refs.lambdas?.[name]);
  for (const child of CHILD_WORKFLOW_IDS) requireString(`stateMachines.${child}`, refs.stateMachines?.[child]);
  requireString('masterStateMachine', refs.masterStateMachine);
  for (const key of INTERVALS) {
    const value = refs.pollIntervals?.[key];
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_INTERVAL_SECONDS) {
      problems.push(`pollIntervals.${key} must be a whole number of seconds from 1 to ${MAX_INTERVAL_SECONDS} (got ${String(value)})`);
    }
  }
  if (refs.tableConcurrency !== undefined && (!Number.isInteger(refs.tableConcurrency) || refs.tableConcurrency < 1)) {
    problems.push(`tableConcurrency must be a whole number from 1 (got ${String(refs.tableConcurrency)})`);
  }
  for (const kind of ['dimension', 'fact'] as const) problems.push(...tableProblems(kind, refs.tables?.[kind]));
  if (problems.length > 0) throw new ReferencesError(problems);
}

function tableProblems(kind: TableKind, tables: TableWorkflowSteps[] | undefined): string[] {
  if (!Array.isArray(tables)) return [`tables.${kind} must be a list`];
  const problems: string[] = [];
  const seen = new Set<string>();
  tables.forEach((table, index) => {
    const where = `tables.${kind}[${index}]${table?.table ? ` (${table.table})` : ''}`;
    if (!table?.table) problems.push(`${where}: table is missing`);
    else if (seen.has(table.table)) problems.push(`${where}: table listed twice`);
    else seen.add(table.table);
    if (table?.kind !== kind) problems.push(`${where}: kind is ${String(table?.kind)}, expected ${kind}`);
    if (!table?.stage?.Bucket?.trim() || !table?.stage?.Table?.trim()) problems.push(`${where}: stage.Bucket and stage.Table are required`);
    for (const step of ['load', 'archive'] as const) {
      if (!table?.[step]?.Step_Name?.trim()) problems.push(`${where}: ${step}.Step_Name is missing`);
      if (!table?.[step]?.Cmd_Run?.trim()) problems.push(`${where}: ${step}.Cmd_Run is missing`);
    }
  });
  return problems;
}
