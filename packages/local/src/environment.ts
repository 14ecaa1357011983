// The local environment of the model, and the names and ARNs its resources get on the local services.
import { WORKFLOW_IDS, type WorkflowId } from '@data-pipeline/asl';
import {
  ENVIRONMENT_TAG_KEY,
  type Environment,
  type EnvironmentName,
  functionName,
  getEnvironment,
  LAMBDA_ALIAS,
  LAMBDA_NAMES,
  type LambdaName,
  resourceName,
  stackName,
  stateMachineName,
  topicName,
  validateEnvironment,
} from '@data-pipeline/model';

export const LOCAL_ACCOUNT = '000000000000';

export interface LocalNames {
  env: Environment;
  region: string;
  account: string;
  bucket: string;
  topicArn: string;
  functionArn(lambda: LambdaName): string;
  stateMachineArn(workflow: WorkflowId): string;
  /** The workflow a state machine ARN belongs to, if any. */
  workflowOf(stateMachineArn: string): WorkflowId | undefined;
}

/**
 * The local environment under another environment's name, to deploy dev and prod side by side on the local
 * services as into one account: its own bucket, databases (dev_fact_db), functions, state machines, topic and
 * cluster name, all from the model's naming, with the local environment's fast polls and single-node cluster.
 */
export function localEnvironmentNamed(name: EnvironmentName): Environment {
  const local = getEnvironment('local');
  if (name === 'local') return local;
  const named = { name };
  return validateEnvironment({
    ...local,
    name,
    bucket: `${resourceName(named, 'work-area')}-local`,
    emr: {
      ...local.emr,
      clusterName: stackName(named),
      serviceRole: resourceName(named, 'emr-service-role'),
      instanceProfile: resourceName(named, 'emr-instance-profile'),
    },
    tags: { ...local.tags, [ENVIRONMENT_TAG_KEY]: name },
  });
}

export function localNames(env: Environment = getEnvironment('local')): LocalNames {
  const region = env.region;
  const account = env.account ?? LOCAL_ACCOUNT;
  const stateMachineArn = (workflow: WorkflowId) => `arn:aws:states:${region}:${account}:stateMachine:${stateMachineName(env, workflow)}`;
  return {
    env,
    region,
    account,
    bucket: env.bucket,
    topicArn: `arn:aws:sns:${region}:${account}:${topicName(env)}`,
    functionArn: (lambda) => `arn:aws:lambda:${region}:${account}:function:${functionName(env, lambda)}:${LAMBDA_ALIAS}`,
    stateMachineArn,
    workflowOf: (arn) => WORKFLOW_IDS.find((workflow) => stateMachineArn(workflow) === arn),
  };
}

export { LAMBDA_NAMES, WORKFLOW_IDS };
