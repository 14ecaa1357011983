import type { S3Client } from '@aws-sdk/client-s3';
import { clearClusterId, type Env, formatS3Location, stateFileLocationFromEnv } from '@data-pipeline/core';

export interface RemoveClusterIdResult {
  Status: 'CLEARED';
  /** The state file that was deleted, as `s3://bucket/key`. */
  StateFile: string;
  /** The cluster id the file held, when it held one. */
  PreviousClusterId?: string;
}

/** Deletes the state file (deleting a file that is not there is not an error) and says what it held. */
export async function removeClusterId(s3: S3Client, env: Env): Promise<RemoveClusterIdResult> {
  const location = stateFileLocationFromEnv(env);
  const { previous } = await clearClusterId(s3, location);
  const result: RemoveClusterIdResult = { Status: 'CLEARED', StateFile: formatS3Location(location) };
  if (previous !== undefined) result.PreviousClusterId = previous;
  return result;
}
