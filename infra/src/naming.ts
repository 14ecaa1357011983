import type { Environment } from '@data-pipeline/model';

/** Names of the deployed resources. Every name starts with the stack name, so environments never collide. */

export const PROJECT = 'data-pipeline';

/** Tag every EMR cluster of the pipeline carries (launch-emr adds it); IAM conditions key on it. */
export const PIPELINE_TAG = { key: 'pipeline', value: PROJECT } as const;

/** Tag key of the environment (the model's tags carry it; launch-emr copies config.ini's [tags] to the cluster). */
export const ENVIRONMENT_TAG_KEY = 'environment';

/** The published alias every caller (state machines, alarms) uses. */
export const LAMBDA_ALIAS = 'live';

export function stackName(env: Pick<Environment, 'name'>): string {
  return `${PROJECT}-${env.name}`;
}

export function resourceName(env: Pick<Environment, 'name'>, suffix: string): string {
  return `${stackName(env)}-${suffix}`;
}

/** Lambda functions are named after their package: data-pipeline-dev-launch-emr. */
export function functionName(env: Pick<Environment, 'name'>, lambda: string): string {
  return resourceName(env, lambda);
}

export function lambdaLogGroupName(env: Pick<Environment, 'name'>, lambda: string): string {
  return `/aws/lambda/${functionName(env, lambda)}`;
}

/** Step Functions logs go under /aws/vendedlogs/ so the CloudWatch Logs resource policy stays small. */
export function stateMachineLogGroupName(stateMachineName: string): string {
  return `/aws/vendedlogs/states/${stateMachineName}`;
}
