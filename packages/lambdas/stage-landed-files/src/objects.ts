// Reading and moving objects of the work-area bucket (listing is @data-pipeline/core's listFiles).
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isNotFound, type StoredObject } from '@data-pipeline/core';
import { FileMoveError, FileTooLargeError } from './errors';

/** CopyObject's limit for a single request. */
export const MAX_COPY_BYTES = 5 * 1024 ** 3;

/** The object's size and time, or undefined when there is none. */
export async function headObject(s3: S3Client, bucket: string, key: string): Promise<StoredObject | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { key, size: head.ContentLength ?? 0, lastModified: head.LastModified ?? new Date(0) };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The object's body as a stream of bytes. */
export async function readObject(s3: S3Client, bucket: string, key: string): Promise<AsyncIterable<Uint8Array>> {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return response.Body as AsyncIterable<Uint8Array>;
}

/**
 * Copies, then deletes the source. Repeating it after an interruption between the two ends the same
 * way: the copy overwrites the same destination key, so the file is there exactly once.
 */
export async function moveObject(s3: S3Client, bucket: string, object: StoredObject, destination: string): Promise<void> {
  if (object.size > MAX_COPY_BYTES) throw new FileTooLargeError(object.key, object.size);
  try {
    await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: destination, CopySource: `${bucket}/${encodeKey(object.key)}` }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.key }));
  } catch (error) {
    throw new FileMoveError(`${bucket}/${object.key}`, `${bucket}/${destination}`, { cause: error });
  }
}

export async function putJson(s3: S3Client, bucket: string, key: string, value: unknown): Promise<void> {
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: `${JSON.stringify(value, null, 2)}\n`, ContentType: 'application/json' }),
  );
}

/** CopySource is a URL path: each segment percent-encoded, the slashes kept. */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
