import { EnvironmentError } from './errors';

export type Env = Readonly<Record<string, string | undefined>>;

/** Returns the value of a required environment variable, or throws naming it. */
export function requireEnv(name: string, env: Env = process.env): string {
  const value = env[name]?.trim();
  if (!value) throw new EnvironmentError(name);
  return value;
}

/** Returns the value of an optional environment variable, `undefined` when unset or blank. */
export function optionalEnv(name: string, env: Env = process.env): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The location of a file on S3 given by a pair of `<prefix>_S3_Bucket` / `<prefix>_S3_Key` variables. */
export interface S3Location {
  bucket: string;
  key: string;
}

export function s3LocationFromEnv(prefix: string, env: Env = process.env): S3Location {
  return { bucket: requireEnv(`${prefix}_S3_Bucket`, env), key: requireEnv(`${prefix}_S3_Key`, env) };
}

export function formatS3Location({ bucket, key }: S3Location): string {
  return `s3://${bucket}/${key}`;
}
