// Names of the deployed resources come from the model, so the local mode and the operators' CLI use the
// same ones; what only the infrastructure names is here.
export {
  ENVIRONMENT_TAG_KEY,
  functionName,
  LAMBDA_ALIAS,
  lambdaLogGroupName,
  PIPELINE_TAG,
  PROJECT,
  resourceName,
  stackName,
  topicName,
} from '@data-pipeline/model';

/** Step Functions logs go under /aws/vendedlogs/ so the CloudWatch Logs resource policy stays small. */
export function stateMachineLogGroupName(stateMachineName: string): string {
  return `/aws/vendedlogs/states/${stateMachineName}`;
}
