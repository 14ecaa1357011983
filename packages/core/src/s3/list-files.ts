// The files under a prefix of the work-area bucket: every page, folder markers left out.
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';

export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

/** Every object under `prefix`, folder markers (keys ending in `/`, kept so the tables' locations exist) left out. */
export async function listFiles(s3: S3Client, bucket: string, prefix: string): Promise<StoredObject[]> {
  const found: StoredObject[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) {
      if (!object.Key || object.Key.endsWith('/')) continue;
      found.push({ key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) });
    }
  }
  return found;
}
