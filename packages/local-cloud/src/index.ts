export { type ClusterRuntime, DEFAULT_TIMINGS, type EmrTimings } from './emr/cluster-runtime';
export type { CommandResult, HiveEngine } from './emr/commands/result';
export { EmrFaults } from './emr/faults';
export type { Cluster } from './emr/model';
export { EmrService, type EmrServiceOptions } from './emr/service';
export { type SparkHiveOptions, s3aJars, s3aSparkConf, startSparkHiveEngine } from './emr/spark-hive-engine';
export { ServiceStartError } from './errors';
export { AwsServiceError } from './http/aws-error';
export { type HttpService, startJsonService } from './http/json-service';
export { LambdaInvocationError } from './lambda/errors';
export { functionArn, parseFunctionReference } from './lambda/function-arn';
export {
  type InvocationRecord,
  type LambdaFault,
  type LambdaFunctionConfig,
  LambdaRuntime,
  type LambdaRuntimeOptions,
} from './lambda/runtime';
export { type LocalCloud, type LocalCloudLayout, type LocalCloudOptions, localCloudLayout, startLocalCloud } from './local-cloud';
export {
  LOCAL_ACCESS_KEY_ID,
  LOCAL_SECRET_ACCESS_KEY,
  type S3Server,
  type S3ServerOptions,
  s3ProxyJar,
  startS3Server,
} from './s3/s3-server';
export { type ExecutionRecord, type StateMachineRecord, StepFunctionsService, type StepFunctionsServiceOptions } from './sfn/service';
export { type PublishedMessage, SnsService, type SnsServiceOptions } from './sns/service';
export { freePort, isListening, LOOPBACK } from './support/net';
export { jarsDir, localDir, repoRoot } from './support/paths';
export { S3_START_BOUND_MS, SPARK_START_BOUND_MS, testTimeoutFor } from './support/start-bounds';
