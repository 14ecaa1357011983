// Client factories: region from the config (or the environment), endpoints from the standard
// AWS_ENDPOINT_URL_* variables, S3 path-style whenever its endpoint is overridden, and an injected
// client returned as is, so tests can pass a mock.
import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Env } from '../env';
import { endpointFromEnv, regionFromEnv, type ServiceId } from './endpoints';

export interface ClientOptions<C> {
  /** Returned as is when given. */
  client?: C;
  region?: string;
  /** Overrides the endpoint found in the environment. */
  endpoint?: string;
  env?: Env;
  maxAttempts?: number;
  /** Static credentials (the local mode); otherwise the SDK's default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

interface BaseConfig {
  region?: string;
  endpoint?: string;
  maxAttempts?: number;
  credentials?: ClientOptions<unknown>['credentials'];
}

function baseConfig(service: ServiceId, options: ClientOptions<unknown>): BaseConfig {
  const config: BaseConfig = {};
  const region = regionFromEnv(options.region, options.env);
  const endpoint = options.endpoint ?? endpointFromEnv(service, options.env);
  if (region) config.region = region;
  if (endpoint) config.endpoint = endpoint;
  if (options.maxAttempts) config.maxAttempts = options.maxAttempts;
  if (options.credentials) config.credentials = options.credentials;
  return config;
}

export function createS3Client(options: ClientOptions<S3Client> = {}): S3Client {
  if (options.client) return options.client;
  const config = baseConfig('S3', options);
  return new S3Client({ ...config, forcePathStyle: config.endpoint !== undefined });
}

export function createEmrClient(options: ClientOptions<EMRClient> = {}): EMRClient {
  return options.client ?? new EMRClient(baseConfig('EMR', options));
}

export function createSfnClient(options: ClientOptions<SFNClient> = {}): SFNClient {
  return options.client ?? new SFNClient(baseConfig('SFN', options));
}

export function createSnsClient(options: ClientOptions<SNSClient> = {}): SNSClient {
  return options.client ?? new SNSClient(baseConfig('SNS', options));
}

export function createGlueClient(options: ClientOptions<GlueClient> = {}): GlueClient {
  return options.client ?? new GlueClient(baseConfig('GLUE', options));
}
