import type { ChildStateMachines, WorkflowId, WorkflowReferences } from '@data-pipeline/asl';
import { type Environment, stateMachineName, tableWorkflowSteps } from '@data-pipeline/model';
import type { LambdaName } from '../compute/lambdas';

/** Which child of the Master each workflow is (the Master itself is none). */
export const childOfWorkflow: Record<Exclude<WorkflowId, 'master'>, keyof ChildStateMachines> = {
  'launch-emr-cluster': 'launch',
  'dimension-process': 'dimension',
  'add-emr-workers': 'addWorkers',
  'fact-process': 'fact',
  'terminate-emr-cluster': 'terminate',
};

export { stateMachineName };

export interface ReferenceInputs {
  env: Environment;
  /** Alias ARN of every Lambda (Terraform references). */
  aliasArns: Record<LambdaName, string>;
  /** ARN of every state machine (Terraform references, resolved lazily: a definition may name one created after it). */
  stateMachineArns: Record<WorkflowId, string>;
  /** The work-area bucket's name (a Terraform reference). */
  bucket: string;
}

/** The references the workflows are built with: aliases, children, the environment's poll intervals and table steps. */
export function workflowReferences(inputs: ReferenceInputs): WorkflowReferences {
  const { env, stateMachineArns } = inputs;
  const stateMachines = Object.fromEntries(
    Object.entries(childOfWorkflow).map(([workflow, key]) => [key, stateMachineArns[workflow as WorkflowId]]),
  ) as unknown as ChildStateMachines;
  return {
    lambdas: inputs.aliasArns,
    stateMachines,
    masterStateMachine: stateMachineName(env, 'master'),
    pollIntervals: env.pollIntervals,
    tables: { dimension: tableWorkflowSteps(env, 'dimension', inputs.bucket), fact: tableWorkflowSteps(env, 'fact', inputs.bucket) },
  };
}
