// Small helpers over S3 objects that hold text (config.ini, the state file).
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from '../env';

export type TextObject = { notModified: false; text: string; etag: string | undefined } | { notModified: true };

/** Reads an object as UTF-8 text; with `ifNoneMatch`, answers `notModified` when the ETag still matches. */
export async function getObjectText(s3: S3Client, location: S3Location, ifNoneMatch?: string): Promise<TextObject> {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key, IfNoneMatch: ifNoneMatch }));
    const text = response.Body ? await response.Body.transformToString('utf-8') : '';
    return { notModified: false, text, etag: response.ETag };
  } catch (error) {
    if (ifNoneMatch !== undefined && httpStatusOf(error) === 304) return { notModified: true };
    throw error;
  }
}

/** True when S3 answered that the object (or its bucket) does not exist. */
export function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchBucket' || httpStatusOf(error) === 404;
}

export function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}
