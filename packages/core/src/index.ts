export {
  EXECUTION_ARN_PATTERN,
  isStateMachineArn,
  regionOfArn,
  STATE_MACHINE_ARN_PATTERN,
  stateMachineArnOfExecution,
  stateMachineNameOf,
  unqualifiedStateMachineArn,
} from './arns';
export { cachedClient, clearAwsClients } from './clients/aws-clients';
export { endpointFromEnv, regionFromEnv, type ServiceId } from './clients/endpoints';
export {
  type ClientOptions,
  createEmrClient,
  createGlueClient,
  createS3Client,
  createSfnClient,
  createSnsClient,
} from './clients/factory';
export { interpolate } from './config/interpolate';
export {
  clearConfigCache,
  configLocationFromEnv,
  configTtlFromEnv,
  DEFAULT_CONFIG_TTL_SECONDS,
  type LoadConfigOptions,
  loadConfig,
} from './config/load';
export { parseConfig, renderConfigIni } from './config/parse';
export {
  ALLOCATION_STRATEGIES,
  type ConfigSections,
  configSchema,
  type PipelineConfig,
  REQUIRED_SECTIONS,
  SPOT_TIMEOUT_ACTIONS,
} from './config/schema';
export { ACTIVE_CLUSTER_STATES, type ActiveCluster, findActiveClusters } from './emr/active-clusters';
export { rethrowUnknownCluster } from './emr/unknown-cluster';
export { type Env, formatS3Location, optionalEnv, requireEnv, type S3Location, s3LocationFromEnv } from './env';
export * from './errors';
export { describeIssue, parseEvent } from './events/format';
export * from './events/schemas';
export {
  type ConfigFreeDefinition,
  defineConfigFreeLambda,
  defineLambda,
  type InvocationContext,
  type LambdaDefinition,
  type LambdaHandler,
} from './handler';
export { createLogger, type Logger, PIPELINE_KEYS, pipelineKeys } from './logging/logger';
export { listFiles, type StoredObject } from './s3/list-files';
export { getObjectText, httpStatusOf, isNotFound, type TextObject } from './s3/objects';
export { CLUSTER_ID_PATTERN, clusterIdSchema, isClusterId } from './state/cluster-id';
export { clearClusterId, readClusterId, stateFileLocationFromEnv, writeClusterId } from './state/state-file';
