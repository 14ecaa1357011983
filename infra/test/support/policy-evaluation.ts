import {
  ACCOUNT,
  type ContextValues,
  type Decision,
  decide,
  type EvaluatedRequest,
  type Policies,
  type PolicyJson,
  REGION,
} from '../../scripts/policy-simulation';
import { resourceAt, resourcesOf, type SynthesizedStack } from './synthesized';

/**
 * The synthesized policies, ready for the simulator (scripts/policy-simulation.ts): Terraform references in the JSON
 * are resolved to the ARNs they stand for, in the simulator's fixed account.
 */

export { ACCOUNT, type ContextValues, type Decision, decide, type EvaluatedRequest, type Policies, type PolicyJson, REGION };

function nameOf(stack: SynthesizedStack, type: string, id: string): string {
  const config = resourcesOf(stack, type)[id];
  if (!config) throw new Error(`${type}.${id} is not in ${stack.name}`);
  const name = config.name ?? config.bucket;
  if (typeof name !== 'string') throw new Error(`${type}.${id} has no name in ${stack.name}`);
  return resolveReferences(stack, name);
}

const arnOf: Record<string, (name: string, id: string) => string> = {
  aws_s3_bucket: (name) => `arn:aws:s3:::${name}`,
  aws_iam_role: (name) => `arn:aws:iam::${ACCOUNT}:role/${name}`,
  aws_sfn_state_machine: (name) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`,
  aws_cloudwatch_log_group: (name) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`,
  aws_athena_workgroup: (name) => `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${name}`,
  aws_sns_topic: (name) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`,
};

function resolveExpression(stack: SynthesizedStack, expression: string): string {
  if (expression === 'data.aws_partition.partition.partition') return 'aws';
  if (expression === 'data.aws_caller_identity.caller.account_id') return ACCOUNT;
  const [type = '', id = '', attribute] = expression.split('.');
  if (type === 'aws_lambda_alias' && attribute === 'arn') {
    const config = resourcesOf(stack, type)[id] as Record<string, unknown>;
    return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${resolveReferences(stack, String(config.function_name))}:${nameOf(stack, type, id)}`;
  }
  if (type === 'aws_lambda_function' && attribute === 'function_name') {
    return resolveReferences(stack, String((resourcesOf(stack, type)[id] as Record<string, unknown>).function_name));
  }
  if (type === 'aws_kms_key' && attribute === 'arn') return `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
  if (attribute === 'arn' && arnOf[type]) return (arnOf[type] as (name: string, id: string) => string)(nameOf(stack, type, id), id);
  if ((attribute === 'name' || attribute === 'bucket' || attribute === 'id') && type !== 'aws_kms_key') return nameOf(stack, type, id);
  throw new Error(`no value for the reference \${${expression}} of ${stack.name}`);
}

/** The text with every ${…} Terraform reference replaced by its value. */
export function resolveReferences(stack: SynthesizedStack, text: string): string {
  return text.replace(/\$\{([^}]+)\}/g, (_match, expression: string) => resolveExpression(stack, expression));
}

export function policyAt(stack: SynthesizedStack, type: string, pathSuffix: string, attribute = 'policy'): PolicyJson {
  return JSON.parse(resolveReferences(stack, String(resourceAt(stack, type, pathSuffix).config[attribute])));
}

export function roleArn(stack: SynthesizedStack, pathSuffix: string): string {
  return `arn:aws:iam::${ACCOUNT}:role/${resolveReferences(stack, String(resourceAt(stack, 'aws_iam_role', pathSuffix).config.name))}`;
}
