import { type Env, optionalEnv } from '../env';

/** The service ids used in the standard `AWS_ENDPOINT_URL_<SERVICE>` variables. */
export type ServiceId = 'S3' | 'EMR' | 'SFN' | 'SNS' | 'GLUE';

/**
 * The endpoint override for a service, from `AWS_ENDPOINT_URL_<SERVICE>` or else `AWS_ENDPOINT_URL`,
 * as the AWS SDKs read them; none when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true.
 */
export function endpointFromEnv(service: ServiceId, env: Env = process.env): string | undefined {
  if (optionalEnv('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', env)?.toLowerCase() === 'true') return undefined;
  return optionalEnv(`AWS_ENDPOINT_URL_${service}`, env) ?? optionalEnv('AWS_ENDPOINT_URL', env);
}

/** The region to use: the one given, else `AWS_REGION` / `AWS_DEFAULT_REGION`, else the SDK's own resolution. */
export function regionFromEnv(region: string | undefined, env: Env = process.env): string | undefined {
  return region ?? optionalEnv('AWS_REGION', env) ?? optionalEnv('AWS_DEFAULT_REGION', env);
}
