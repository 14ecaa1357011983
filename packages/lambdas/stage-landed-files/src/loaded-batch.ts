// Whether the files in staging were loaded already. The archive step runs only after a successful
// load and copies every staged file to the same path under the archive folder before it deletes
// them; so a staged file whose archive copy has its size and was written after it means the load of
// the whole batch in staging succeeded and its archiving was interrupted.
import type { S3Client } from '@aws-sdk/client-s3';
import type { StoredObject } from '@data-pipeline/core';
import { archivedKeyOf, type TableDefinition } from '@data-pipeline/model';
import { headObject } from './objects';

export async function archivedAfterStaging(
  s3: S3Client,
  bucket: string,
  table: TableDefinition,
  staged: StoredObject[],
): Promise<StoredObject | undefined> {
  for (const object of staged) {
    const archived = await headObject(s3, bucket, archivedKeyOf(table, object.key));
    if (archived && archived.size === object.size && archived.lastModified.getTime() >= object.lastModified.getTime()) return object;
  }
  return undefined;
}
