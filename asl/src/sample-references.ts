// The references the committed definitions are rendered with: placeholder ARNs in a placeholder
// account, the tables the model declares and the prod environment's poll intervals and databases. The
// infrastructure renders the real ones with Terraform references.
import { pipelineDefinitions, tableWorkflowSteps } from '@data-pipeline/model';
import { LAMBDA_NAMES, type LambdaName } from './lambda-names';
import type { WorkflowReferences } from './references';
import type { WorkflowId } from './workflows/catalog';

export const PLACEHOLDER_REGION = 'us-east-1';
export const PLACEHOLDER_ACCOUNT = '123456789012';
export const PLACEHOLDER_BUCKET = 'data-pipeline-work-area';
export const PLACEHOLDER_ALIAS = 'live';

/** The committed definitions poll as the prod environment does. */
export const SAMPLE_ENVIRONMENT = 'prod' as const;

export function placeholderLambdaArn(name: LambdaName): string {
  return `arn:aws:lambda:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:function:${name}:${PLACEHOLDER_ALIAS}`;
}

export function placeholderStateMachineArn(workflow: WorkflowId): string {
  return `arn:aws:states:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:stateMachine:data-pipeline-${workflow}`;
}

export function sampleReferences(overrides: Partial<WorkflowReferences> = {}): WorkflowReferences {
  return {
    lambdas: Object.fromEntries(LAMBDA_NAMES.map((name) => [name, placeholderLambdaArn(name)])) as Record<LambdaName, string>,
    stateMachines: {
      launch: placeholderStateMachineArn('launch-emr-cluster'),
      dimension: placeholderStateMachineArn('dimension-process'),
      addWorkers: placeholderStateMachineArn('add-emr-workers'),
      fact: placeholderStateMachineArn('fact-process'),
      terminate: placeholderStateMachineArn('terminate-emr-cluster'),
    },
    masterStateMachine: 'data-pipeline-master',
    pollIntervals: pipelineDefinitions[SAMPLE_ENVIRONMENT].pollIntervals,
    tables: {
      dimension: tableWorkflowSteps({ name: SAMPLE_ENVIRONMENT }, 'dimension', PLACEHOLDER_BUCKET),
      fact: tableWorkflowSteps({ name: SAMPLE_ENVIRONMENT }, 'fact', PLACEHOLDER_BUCKET),
    },
    ...overrides,
  };
}
