// Loads config.ini from S3 once per warm container, and notices a changed file: after `ttlSeconds`
// the next call asks S3 for the object only if its ETag changed (If-None-Match), so an unchanged file
// costs one conditional GET and a changed one is picked up without a cold start.
import type { S3Client } from '@aws-sdk/client-s3';
import { type Env, formatS3Location, optionalEnv, type S3Location, s3LocationFromEnv } from '../env';
import { ConfigReadError, PipelineError } from '../errors';
import { getObjectText } from '../s3/objects';
import { parseConfig } from './parse';
import type { PipelineConfig } from './schema';

export const DEFAULT_CONFIG_TTL_SECONDS = 60;

export interface LoadConfigOptions {
  s3: S3Client;
  location: S3Location;
  /** Seconds a loaded config is used without asking S3 again (0 asks every time). */
  ttlSeconds?: number;
  now?: () => number;
}

interface CacheEntry {
  config: PipelineConfig;
  etag: string | undefined;
  checkedAt: number;
}

const cache = new Map<string, CacheEntry>();

export async function loadConfig({
  s3,
  location,
  ttlSeconds = DEFAULT_CONFIG_TTL_SECONDS,
  now = Date.now,
}: LoadConfigOptions): Promise<PipelineConfig> {
  const source = formatS3Location(location);
  const cached = cache.get(source);
  if (cached && now() - cached.checkedAt < ttlSeconds * 1000) return cached.config;

  let object: Awaited<ReturnType<typeof getObjectText>>;
  try {
    object = await getObjectText(s3, location, cached?.etag);
  } catch (error) {
    throw new ConfigReadError(source, { cause: error });
  }
  if (object.notModified && cached) {
    cached.checkedAt = now();
    return cached.config;
  }
  if (object.notModified)
    throw new ConfigReadError(source, { cause: new PipelineError('S3 answered 304 Not Modified without a cached copy') });

  const config = parseConfig(object.text, source);
  cache.set(source, { config, etag: object.etag, checkedAt: now() });
  return config;
}

/** The config location a Lambda is given (`Config_File_S3_Bucket` / `Config_File_S3_Key`). */
export function configLocationFromEnv(env: Env = process.env): S3Location {
  return s3LocationFromEnv('Config_File', env);
}

/** The cache lifetime: `CONFIG_CACHE_TTL_SECONDS` when set to a number, else the default. */
export function configTtlFromEnv(env: Env = process.env): number {
  const value = Number(optionalEnv('CONFIG_CACHE_TTL_SECONDS', env));
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_CONFIG_TTL_SECONDS;
}

/** Forgets every cached config (tests, or a caller that must re-read). */
export function clearConfigCache(): void {
  cache.clear();
}
