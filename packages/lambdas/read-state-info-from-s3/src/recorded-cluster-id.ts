import type { S3Client } from '@aws-sdk/client-s3';
import { type Env, readClusterId, stateFileLocationFromEnv } from '@data-pipeline/core';

export interface RecordedClusterIdResult {
  ClusterId: string;
}

/** The cluster id held by the state file; a missing, empty or malformed file is a StateFileError. */
export async function recordedClusterId(s3: S3Client, env: Env): Promise<RecordedClusterIdResult> {
  return { ClusterId: await readClusterId(s3, stateFileLocationFromEnv(env)) };
}
