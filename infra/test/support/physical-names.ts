import type { Json, SynthesizedStack } from './synthesized';

/**
 * The names AWS keeps unique per account and region (per partition for buckets), by resource type: two stacks
 * in one account that share one of these collide on the second `terraform apply`, or, worse, share the resource.
 */
type NameOf = (config: Json, stack: SynthesizedStack) => string;

/** `${type.id.attribute}` → the referenced resource's own name, for names built on another resource. */
function resolved(value: unknown, stack: SynthesizedStack): string {
  const match = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.(name|id)\}$/.exec(String(value));
  if (!match) return String(value);
  const [, type = '', id = ''] = match;
  return String(stack.json.resource[type]?.[id]?.name ?? value);
}

export const namedTypes: Record<string, NameOf> = {
  aws_s3_bucket: (config) => String(config.bucket),
  aws_glue_catalog_database: (config) => String(config.name),
  aws_glue_catalog_table: (config, stack) => `${resolved(config.database_name, stack)}.${config.name}`,
  aws_iam_role: (config) => String(config.name),
  aws_iam_role_policy: (config, stack) => `${resolved(config.role, stack)}/${config.name}`,
  aws_iam_instance_profile: (config) => String(config.name),
  aws_lambda_function: (config) => String(config.function_name),
  aws_sfn_state_machine: (config) => String(config.name),
  aws_cloudwatch_log_group: (config) => String(config.name),
  aws_cloudwatch_metric_alarm: (config) => String(config.alarm_name),
  aws_cloudwatch_event_rule: (config) => String(config.name),
  aws_sns_topic: (config) => String(config.name),
  aws_kms_alias: (config) => String(config.name),
  aws_emr_security_configuration: (config) => String(config.name),
  aws_athena_workgroup: (config) => String(config.name),
  aws_quicksight_data_source: (config) => String(config.data_source_id),
  aws_quicksight_data_set: (config) => String(config.data_set_id),
};

/** Types without a name of their own: each lives inside a named resource (a bucket's settings, a function's alias, a topic's subscription). */
export const unnamedTypes = new Set([
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_object',
  'aws_kms_key',
  'aws_lambda_alias',
  'aws_sns_topic_policy',
  'aws_sns_topic_subscription',
  'aws_cloudwatch_event_target',
  'aws_iam_role_policy_attachment',
]);

/** Every physical name of a stack, as `<type> <name>`. */
export function physicalNames(stack: SynthesizedStack): string[] {
  return Object.entries(stack.json.resource).flatMap(([type, resources]) => {
    const nameOf = namedTypes[type];
    return nameOf ? Object.values(resources).map((config) => `${type} ${nameOf(config, stack)}`) : [];
  });
}
