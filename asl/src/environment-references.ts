// The references of one environment, built the same way for every caller: the infrastructure (Terraform
// references), the local mode (local ARNs), the operators' CLI and the committed sample definitions.
import { type Environment, stateMachineName, tableWorkflowSteps } from '@data-pipeline/model';
import { LAMBDA_NAMES, type LambdaName } from './lambda-names';
import { childStateMachines, type WorkflowReferences } from './references';
import type { ChildWorkflowId } from './workflows/registry';

export interface ReferenceSources {
  /** `emr.stepConcurrency`: how many EMR steps the cluster runs at once, and so how many tables of one kind run at once. */
  env: Pick<Environment, 'name' | 'pollIntervals'> & { emr: Pick<Environment['emr'], 'stepConcurrency'> };
  /** The ARN (or alias ARN) a Task invokes for a Lambda. */
  lambdaArn: (lambda: LambdaName) => string;
  /** The ARN of a child workflow's state machine. */
  stateMachineArn: (workflow: ChildWorkflowId) => string;
  /** The work-area bucket's name (may be a Terraform reference). */
  bucket: string;
}

/** Every Lambda, every child of the registry, the Master's name, the environment's poll intervals and table steps. */
export function environmentReferences(sources: ReferenceSources): WorkflowReferences {
  const { env, bucket } = sources;
  return {
    lambdas: Object.fromEntries(LAMBDA_NAMES.map((name) => [name, sources.lambdaArn(name)])) as Record<LambdaName, string>,
    stateMachines: childStateMachines(sources.stateMachineArn),
    masterStateMachine: stateMachineName(env, 'master'),
    pollIntervals: env.pollIntervals,
    tables: { dimension: tableWorkflowSteps(env, 'dimension', bucket), fact: tableWorkflowSteps(env, 'fact', bucket) },
    tableConcurrency: env.emr.stepConcurrency,
  };
}
