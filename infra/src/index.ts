export { personRoleName } from './access/people-access';
export { PERSON_ROLES, type PeopleTargets, type PersonRole, peopleGrants } from './access/people-grants';
export { isQuicksightEnabled, quicksightGroupArn } from './analytics/quicksight';
export { type BuildAppOptions, buildApp } from './app';
export { StateBucketStack, type StateBucketStackProps } from './bootstrap/state-bucket-stack';
export { type LambdaPackage, lambdaPackage, packageDirectory } from './compute/bundle';
export { deterministicZip } from './compute/deterministic-zip';
export { type LambdaName, lambdaCatalog, lambdaEnvironment, lambdaNames } from './compute/lambdas';
export { TARGET_FOLDER_KEY } from './compute/pipeline-functions';
export {
  type BackendSettings,
  type DeploymentSettings,
  deployableEnvironments,
  getDeploymentSettings,
} from './deployment';
export * from './errors';
export { functionName, LAMBDA_ALIAS, PIPELINE_TAG, resourceName, stackName } from './naming';
export { stateMachineName } from './orchestration/workflow-references';
export { deployedEnvironment, emrSecurityConfigurationName } from './security/emr-access';
export * from './security/permissions';
export { actionsWithoutResourceTypes, type PolicyDocument, type PolicyStatement } from './security/policy-document';
export { type EnvironmentSelection, selectEnvironments } from './selection';
export { DataPipelineStack, type DataPipelineStackProps } from './stack';
