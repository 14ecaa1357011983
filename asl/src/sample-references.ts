// The references the committed definitions are rendered with: placeholder ARNs in a placeholder
// account, the tables the model declares and the prod environment's poll intervals and databases. The
// infrastructure renders the real ones with Terraform references.
import { pipelineDefinitions } from '@data-pipeline/model';
import { environmentReferences } from './environment-references';
import type { LambdaName } from './lambda-names';
import type { WorkflowReferences } from './references';
import type { WorkflowId } from './workflows/registry';

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
    ...environmentReferences({
      env: pipelineDefinitions[SAMPLE_ENVIRONMENT],
      lambdaArn: placeholderLambdaArn,
      stateMachineArn: placeholderStateMachineArn,
      bucket: PLACEHOLDER_BUCKET,
    }),
    masterStateMachine: 'data-pipeline-master',
    ...overrides,
  };
}
