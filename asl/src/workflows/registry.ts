// The workflows, in one registry: the Master, and the children it runs in the order listed. A child is
// one entry — its id (the state machine's name and the definition's file name), its title (messages and
// state names), its builder and the input the Master starts it with. The Master, the references every
// caller passes (infra, the local mode, ops, the sample definitions) and the rendered files all follow it.
// Builders are called through arrows: the builders import this file for titles, so nothing here runs
// them while the modules load.
import type { StateMachineDefinition } from '../asl/types';
import type { WorkflowReferences } from '../references';
import { addEmrWorkers } from './add-workers';
import { launchEmrCluster } from './launch';
import { childStatesOf, master } from './master';
import { tableProcess } from './table-process';
import { terminateEmrCluster } from './terminate';

/** Fixed values the Master adds to a child's input, beside `nextStateMachineArn` (a re-run by hand passes the same). */
export type ChildInput = Readonly<Record<string, string | number | boolean>>;

export interface WorkflowEntry<Id extends string = string> {
  readonly id: Id;
  readonly title: string;
  readonly build: (refs: WorkflowReferences) => StateMachineDefinition;
}

export interface ChildWorkflowEntry<Id extends string = string> extends WorkflowEntry<Id> {
  readonly input: ChildInput;
}

/** The Master's children, in the order it runs them. */
export const CHILD_WORKFLOWS = [
  { id: 'launch-emr-cluster', title: 'Launch EMR Cluster', build: (refs) => launchEmrCluster(refs), input: {} },
  { id: 'dimension-process', title: 'Dimension Process', build: (refs) => tableProcess('dimension', refs), input: {} },
  { id: 'add-emr-workers', title: 'Add EMR Workers', build: (refs) => addEmrWorkers(refs), input: {} },
  { id: 'fact-process', title: 'Fact Process', build: (refs) => tableProcess('fact', refs), input: {} },
  { id: 'terminate-emr-cluster', title: 'Terminate EMR Cluster', build: (refs) => terminateEmrCluster(refs), input: {} },
] as const satisfies readonly ChildWorkflowEntry[];

export const MASTER_WORKFLOW = {
  id: 'master',
  title: 'Master',
  build: (refs) => master(refs, CHILD_WORKFLOWS),
} as const satisfies WorkflowEntry;

export type ChildWorkflowId = (typeof CHILD_WORKFLOWS)[number]['id'];
export type WorkflowId = typeof MASTER_WORKFLOW.id | ChildWorkflowId;

/** Every workflow, the Master first. */
export const WORKFLOWS: ReadonlyArray<WorkflowEntry<WorkflowId>> = [MASTER_WORKFLOW, ...CHILD_WORKFLOWS];
export const WORKFLOW_IDS: readonly WorkflowId[] = WORKFLOWS.map((workflow) => workflow.id);
export const CHILD_WORKFLOW_IDS: readonly ChildWorkflowId[] = CHILD_WORKFLOWS.map((child) => child.id);
export const WORKFLOW_TITLES = Object.fromEntries(WORKFLOWS.map((workflow) => [workflow.id, workflow.title])) as Record<WorkflowId, string>;

export function isChildWorkflow(id: string): id is ChildWorkflowId {
  return (CHILD_WORKFLOW_IDS as readonly string[]).includes(id);
}

export function childWorkflow(id: ChildWorkflowId): ChildWorkflowEntry<ChildWorkflowId> {
  const found = CHILD_WORKFLOWS.find((child) => child.id === id);
  if (!found) throw new Error(`no child workflow ${id}`);
  return found;
}

/** The Master's states for one child: `Start Fact Process`, `Wait for Fact Process`, … */
export function childStates(id: ChildWorkflowId) {
  return childStatesOf(childWorkflow(id).title);
}
