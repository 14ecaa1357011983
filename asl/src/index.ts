export { LAMBDA_RETRY, TRANSIENT_LAMBDA_ERRORS } from './asl/policies';
export type * from './asl/types';
export { environmentReferences, type ReferenceSources } from './environment-references';
export * from './errors';
export { allStates, retryingStates, type StateRef, taskResources, waitSeconds } from './inspect';
export { isLambdaName, LAMBDA_NAMES, type LambdaName } from './lambda-names';
export type { EmrStepCommand, PollIntervals, TableKind, TableWorkflowSteps } from './model-types';
export { type ChildStateMachines, childStateMachines, validateReferences, type WorkflowReferences } from './references';
export { renderDefinitionJson } from './render/json';
export { mermaidDiagram } from './render/mermaid';
export {
  PLACEHOLDER_BUCKET,
  placeholderLambdaArn,
  placeholderStateMachineArn,
  SAMPLE_ENVIRONMENT,
  sampleReferences,
} from './sample-references';
export { assertValidDefinition, definitionProblems, type ValidateOptions } from './validate';
export { ADD_WORKERS_STATES } from './workflows/add-workers';
export { buildWorkflows, type WorkflowDefinitions } from './workflows/index';
export { LAUNCH_STATES } from './workflows/launch';
export { childResultPath, childStatesOf, MASTER_STATES } from './workflows/master';
export {
  CHILD_WORKFLOW_IDS,
  CHILD_WORKFLOWS,
  type ChildInput,
  type ChildWorkflowEntry,
  type ChildWorkflowId,
  childStates,
  childWorkflow,
  isChildWorkflow,
  MASTER_WORKFLOW,
  WORKFLOW_IDS,
  WORKFLOW_TITLES,
  WORKFLOWS,
  type WorkflowEntry,
  type WorkflowId,
} from './workflows/registry';
export { TABLE_STEPS, type TableStep, tableProcessStates } from './workflows/table-process';
export { NO_CLUSTER_RECORDED, TERMINATE_STATES } from './workflows/terminate';
