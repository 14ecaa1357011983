import type { S3Client } from '@aws-sdk/client-s3';
import { type Env, stateFileLocationFromEnv, writeClusterId } from '@data-pipeline/core';

export interface RecordClusterIdResult {
  ClusterId: string;
  Status: 'SUCCESS' | 'FAIL';
}

/** Writes the cluster id to the state file and reads it back: SUCCESS only when the file now holds it. */
export async function recordClusterId(s3: S3Client, clusterId: string, env: Env): Promise<RecordClusterIdResult> {
  const written = await writeClusterId(s3, stateFileLocationFromEnv(env), clusterId);
  return { ClusterId: clusterId, Status: written ? 'SUCCESS' : 'FAIL' };
}
