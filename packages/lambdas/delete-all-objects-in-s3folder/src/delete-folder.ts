import { DeleteObjectsCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { ResourceNotFoundError } from '@data-pipeline/core';
import { type DeleteFailure, FolderNotEmptiedError } from './errors';
import { formatFolder, type S3Folder } from './target-folder';

/** DeleteObjects takes at most this many keys per request. */
export const DELETE_BATCH_SIZE = 1000;

export interface DeleteFolderResult {
  Status: 'SUCCESS';
  Deleted: number;
}

/**
 * Deletes every object under the folder, page by page as it is listed, in DeleteObjects batches of up
 * to 1,000 keys. Keys S3 refuses to delete are collected; if there are any, FolderNotEmptiedError.
 */
export async function deleteFolder(s3: S3Client, folder: S3Folder): Promise<DeleteFolderResult> {
  let deleted = 0;
  const failures: DeleteFailure[] = [];
  const pending: string[] = [];

  const deleteBatch = async (keys: string[]) => {
    const response = await s3.send(
      new DeleteObjectsCommand({ Bucket: folder.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
    );
    const errors = response.Errors ?? [];
    for (const error of errors) failures.push({ Key: error.Key ?? '(unknown key)', Code: error.Code ?? 'Unknown', Message: error.Message });
    deleted += keys.length - errors.length;
  };

  try {
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: folder.bucket, Prefix: folder.prefix })) {
      for (const object of page.Contents ?? []) if (object.Key !== undefined) pending.push(object.Key);
      while (pending.length >= DELETE_BATCH_SIZE) await deleteBatch(pending.splice(0, DELETE_BATCH_SIZE));
    }
    if (pending.length > 0) await deleteBatch(pending.splice(0));
  } catch (error) {
    if ((error as Error).name === 'NoSuchBucket')
      throw new ResourceNotFoundError(`S3 bucket ${folder.bucket} does not exist`, { cause: error });
    if (deleted > 0 || failures.length > 0) throw new FolderNotEmptiedError(formatFolder(folder), deleted, failures, { cause: error });
    throw error;
  }
  if (failures.length > 0) throw new FolderNotEmptiedError(formatFolder(folder), deleted, failures);
  return { Status: 'SUCCESS', Deleted: deleted };
}
