import { environmentReferences, type WorkflowId, type WorkflowReferences } from '@data-pipeline/asl';
import { type Environment, stateMachineName } from '@data-pipeline/model';
import type { LambdaName } from '../compute/lambdas';

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

/** The references the workflows are built with: aliases, the registry's children, the environment's poll intervals and table steps. */
export function workflowReferences(inputs: ReferenceInputs): WorkflowReferences {
  return environmentReferences({
    env: inputs.env,
    lambdaArn: (lambda) => inputs.aliasArns[lambda],
    stateMachineArn: (workflow) => inputs.stateMachineArns[workflow],
    bucket: inputs.bucket,
  });
}
