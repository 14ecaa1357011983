export { LAMBDA_RETRY, TRANSIENT_LAMBDA_ERRORS } from './asl/policies';
export type * from './asl/types';
export * from './errors';
export { allStates, retryingStates, type StateRef, taskResources, waitSeconds } from './inspect';
export { isLambdaName, LAMBDA_NAMES, type LambdaName } from './lambda-names';
export type { EmrStepCommand, PollIntervals, TableKind, TableWorkflowSteps } from './model-types';
export { type ChildStateMachines, validateReferences, type WorkflowReferences } from './references';
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
export { WORKFLOW_IDS, WORKFLOW_TITLES, type WorkflowId } from './workflows/catalog';
export { buildWorkflows, type WorkflowDefinitions } from './workflows/index';
export { LAUNCH_STATES } from './workflows/launch';
export { type ChildKey, childStates, MASTER_CHILDREN, MASTER_STATES } from './workflows/master';
export { TABLE_STEPS, type TableStep, tableProcessStates } from './workflows/table-process';
export { NO_CLUSTER_RECORDED, TERMINATE_STATES } from './workflows/terminate';
