// The local environment of the model, and the names and ARNs its resources get on the local services.
import {
  type Environment,
  functionName,
  getEnvironment,
  LAMBDA_ALIAS,
  LAMBDA_NAMES,
  type LambdaName,
  stateMachineName,
  topicName,
  WORKFLOW_IDS,
  type WorkflowId,
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
