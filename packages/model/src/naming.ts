// Names of an environment's deployed resources, shared by the infrastructure, the local mode and the
// operators' CLI. Every name starts with the stack name, so environments never collide.
import type { Environment } from './environments/schema';

export const PROJECT = 'data-pipeline';

/** Tag every EMR cluster of the pipeline carries (launch-emr adds it); IAM conditions key on it. */
export const PIPELINE_TAG = { key: 'pipeline', value: PROJECT } as const;

/**
 * Tag the EMR service role's AmazonEMRServicePolicy_v2 requires on what EMR creates for a cluster (launch
 * templates, fleets, instances, network interfaces): EMR copies the cluster's tags onto them, so the cluster
 * carries it (config.ini's [tags]). The subnets (and their VPC, for EMR's own security groups) carry it too.
 */
export const EMR_MANAGED_POLICY_TAG = { key: 'for-use-with-amazon-emr-managed-policies', value: 'true' } as const;

/** Tag key of the environment (the environment's tags carry it; launch-emr copies config.ini's [tags] to the cluster). */
export const ENVIRONMENT_TAG_KEY = 'environment';

/** The published alias every caller (state machines, alarms) invokes. */
export const LAMBDA_ALIAS = 'live';

type Named = Pick<Environment, 'name'>;

export function stackName(env: Named): string {
  return `${PROJECT}-${env.name}`;
}

export function resourceName(env: Named, suffix: string): string {
  return `${stackName(env)}-${suffix}`;
}

/** Lambda functions are named after their package: data-pipeline-dev-launch-emr. */
export function functionName(env: Named, lambda: string): string {
  return resourceName(env, lambda);
}

export function lambdaLogGroupName(env: Named, lambda: string): string {
  return `/aws/lambda/${functionName(env, lambda)}`;
}

/** State machines are named after their workflow's id (the registry of @data-pipeline/asl): data-pipeline-dev-fact-process. */
export function stateMachineName(env: Named, workflow: string): string {
  return resourceName(env, workflow);
}

/** The SNS topic of the environment's notifications. */
export function topicName(env: Named): string {
  return resourceName(env, 'notifications');
}

/** Subject of the environment's notification mails (send-msg-sns's `Subject`). */
export function notificationSubject(env: Named): string {
  return `${PROJECT} ${env.name}`;
}

/** What makes an environment's global names unique when its settings name no suffix: <account>-<region>. */
export function defaultNameSuffix(settings: { account: string; region: string }): string {
  return `${settings.account}-${settings.region}`;
}

/** The environment's work-area bucket: data-pipeline-dev-work-area-<suffix> (S3 names are global). */
export function workAreaBucketName(env: Named, suffix: string): string {
  return `${resourceName(env, 'work-area')}-${suffix}`;
}

/** The bucket of the environment's Terraform state, made by the bootstrap stack: data-pipeline-dev-tfstate-<suffix>. */
export function stateBucketName(env: Named, suffix: string): string {
  return `${resourceName(env, 'tfstate')}-${suffix}`;
}

/** The state object of the environment's stack in its state bucket. */
export function stateKey(env: Named): string {
  return `${PROJECT}/${env.name}/terraform.tfstate`;
}

/** The stack that creates the state bucket (local state): data-pipeline-bootstrap-dev. */
export function bootstrapStackName(env: Named): string {
  return `${PROJECT}-bootstrap-${env.name}`;
}
