// The state file holds the id of the cluster the pipeline runs on, so each workflow can find it.
// Unlike the original, a missing, empty or malformed file is an error, never an empty ClusterId.
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type Env, formatS3Location, type S3Location, s3LocationFromEnv } from '../env';
import { NoClusterRecordedError, StateFileError } from '../errors';
import { getObjectText, isNotFound } from '../s3/objects';
import { CLUSTER_ID_PATTERN } from './cluster-id';

export function stateFileLocationFromEnv(env: Env = process.env): S3Location {
  return s3LocationFromEnv('State_Info_File', env);
}

/** Reads the cluster id; throws StateFileError when the file is missing, empty or holds something else. */
export async function readClusterId(s3: S3Client, location: S3Location): Promise<string> {
  const where = formatS3Location(location);
  let text: string;
  try {
    const object = await getObjectText(s3, location);
    text = object.notModified ? '' : object.text;
  } catch (error) {
    if (isNotFound(error)) throw new NoClusterRecordedError(where, 'does not exist: no cluster is recorded as running', { cause: error });
    throw new StateFileError(where, 'cannot be read', { cause: error });
  }
  const clusterId = text.trim();
  if (clusterId === '') throw new NoClusterRecordedError(where, 'is empty: no cluster is recorded as running');
  if (!CLUSTER_ID_PATTERN.test(clusterId)) {
    throw new StateFileError(where, `does not hold an EMR cluster id (j-…): ${JSON.stringify(clusterId.slice(0, 80))}`);
  }
  return clusterId;
}

/** Writes the cluster id, then reads it back; returns true only when the read-back matches. */
export async function writeClusterId(s3: S3Client, location: S3Location, clusterId: string): Promise<boolean> {
  const where = formatS3Location(location);
  if (!CLUSTER_ID_PATTERN.test(clusterId)) {
    throw new StateFileError(where, `refusing to record ${JSON.stringify(clusterId)}: not an EMR cluster id (j-…)`);
  }
  try {
    await s3.send(
      new PutObjectCommand({ Bucket: location.bucket, Key: location.key, Body: clusterId, ContentType: 'text/plain; charset=utf-8' }),
    );
  } catch (error) {
    throw new StateFileError(where, `cannot be written`, { cause: error });
  }
  try {
    return (await readClusterId(s3, location)) === clusterId;
  } catch {
    return false;
  }
}

/** Deletes the state file; returns the cluster id it held, if it could be read. */
export async function clearClusterId(s3: S3Client, location: S3Location): Promise<{ previous: string | undefined }> {
  let previous: string | undefined;
  try {
    previous = await readClusterId(s3, location);
  } catch {
    previous = undefined;
  }
  try {
    await s3.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: location.key }));
  } catch (error) {
    throw new StateFileError(formatS3Location(location), 'cannot be deleted', { cause: error });
  }
  return { previous };
}
