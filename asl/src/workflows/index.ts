import type { StateMachineDefinition } from '../asl/types';
import { validateReferences, type WorkflowReferences } from '../references';
import { WORKFLOWS, type WorkflowId } from './registry';

export type WorkflowDefinitions = Record<WorkflowId, StateMachineDefinition>;

/** Builds every workflow's definition from the references; throws ReferencesError naming every bad reference. */
export function buildWorkflows(refs: WorkflowReferences): WorkflowDefinitions {
  validateReferences(refs);
  return Object.fromEntries(WORKFLOWS.map((workflow) => [workflow.id, workflow.build(refs)])) as WorkflowDefinitions;
}
