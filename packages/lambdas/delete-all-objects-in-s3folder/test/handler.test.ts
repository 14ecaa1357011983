import {
  DeleteObjectsCommand,
  type DeleteObjectsCommandInput,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { givenLambdaEnvironment, recordInputs } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { FolderNotEmptiedError } from '../src/errors';
import { handler } from '../src/index';

const s3Mock = mockClient(S3Client);
const bucket = 'work-area';
const prefix = 'data-workflows/stage/STG_DWH/stg_fact_db/sample_country_tx_fact/';
const env = { Target_Folder_S3_Bucket: bucket, Target_Folder_S3_Key: prefix };

function keys(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}part-${String(index).padStart(5, '0')}.csv`);
}

/** The ListObjectsV2 inputs as sent, page by page. */
let listed: ListObjectsV2CommandInput[] = [];

/** ListObjectsV2 answers `keys` in pages of `pageSize`, chained by continuation tokens `t1`, `t2`, … */
function givenListing(all: string[], pageSize = 1000): void {
  listed = recordInputs(s3Mock, ListObjectsV2Command, (input) => {
    const page = input.ContinuationToken ? Number(input.ContinuationToken.slice(1)) : 0;
    const contents = all.slice(page * pageSize, (page + 1) * pageSize).map((Key) => ({ Key, Size: 10 }));
    const more = (page + 1) * pageSize < all.length;
    return { Contents: contents, KeyCount: contents.length, IsTruncated: more, NextContinuationToken: more ? `t${page + 1}` : undefined };
  });
}

function listInputs(): unknown[] {
  return listed;
}

function deletedBatches(): string[][] {
  return s3Mock
    .commandCalls(DeleteObjectsCommand)
    .map((call) => (call.args[0].input.Delete?.Objects ?? []).map((object) => object.Key ?? ''));
}

function s3Error(name: string, httpStatusCode: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode }, message: name });
}

describe('Function: delete-all-objects-in-s3folder handler', () => {
  beforeEach(() => {
    s3Mock.reset();
    listed = [];
    givenLambdaEnvironment(s3Mock, { env });
    s3Mock.on(DeleteObjectsCommand).resolves({});
  });

  it('returns Deleted 2500 after deleting 2,500 keys listed over 3 pages in batches of 1,000', async () => {
    // Prepare
    const all = keys(2500);
    givenListing(all);

    // Act
    const result = await handler({ Status: 'SUCCESS' });

    // Assess
    expect(result).toEqual({ Status: 'SUCCESS', Deleted: 2500 });
    expect(listInputs()).toEqual([
      { Bucket: bucket, Prefix: prefix },
      { Bucket: bucket, Prefix: prefix, ContinuationToken: 't1' },
      { Bucket: bucket, Prefix: prefix, ContinuationToken: 't2' },
    ]);
    expect(s3Mock.commandCalls(DeleteObjectsCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: bucket, Delete: { Objects: all.slice(0, 1000).map((Key) => ({ Key })), Quiet: true } },
      { Bucket: bucket, Delete: { Objects: all.slice(1000, 2000).map((Key) => ({ Key })), Quiet: true } },
      { Bucket: bucket, Delete: { Objects: all.slice(2000).map((Key) => ({ Key })), Quiet: true } },
    ]);
  });

  it('returns Deleted 1800 after filling batches of 1,000 across pages of 600', async () => {
    // Prepare
    const all = keys(1800);
    givenListing(all, 600);

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'SUCCESS', Deleted: 1800 });
    expect(deletedBatches()).toEqual([all.slice(0, 1000), all.slice(1000)]);
  });

  it('returns Deleted 0 and sends no DeleteObjects when the folder is empty', async () => {
    // Prepare
    givenListing([]);

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'SUCCESS', Deleted: 0 });
    expect(s3Mock.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
  });

  it('lists the key as a folder when it has no trailing slash', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, Target_Folder_S3_Key: 'data-workflows/stage/sales' } });
    givenListing(['data-workflows/stage/sales/a.csv']);

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'SUCCESS', Deleted: 1 });
    expect(listInputs()).toEqual([{ Bucket: bucket, Prefix: 'data-workflows/stage/sales/' }]);
  });

  it.each([
    ['', 'is empty'],
    ['/', 'is "/"'],
    [' // ', 'is "//"'],
  ])('throws EnvironmentError and lists nothing when Target_Folder_S3_Key is %j', async (key, given) => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, Target_Folder_S3_Key: key } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EnvironmentError',
      message: `environment variable Target_Folder_S3_Key ${given}: refusing to delete every object in bucket ${bucket}; set it to the folder to empty`,
    });
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(0);
  });

  it('throws EnvironmentError and lists nothing when Target_Folder_S3_Bucket is not set', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, Target_Folder_S3_Bucket: '' } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EnvironmentError',
      message: 'environment variable Target_Folder_S3_Bucket is required but not set',
    });
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(0);
  });

  it('throws FolderNotEmptiedError listing ten failed keys and keeping all twelve when S3 refuses some', async () => {
    // Prepare
    const all = keys(2500);
    givenListing(all);
    const refused = [...all.slice(5, 11), ...all.slice(2100, 2106)];
    s3Mock.on(DeleteObjectsCommand).callsFake((input: DeleteObjectsCommandInput) => ({
      Errors: (input.Delete?.Objects ?? [])
        .filter((object) => refused.includes(object.Key ?? ''))
        .map((object) => ({ Key: object.Key, Code: 'AccessDenied', Message: 'Access Denied' })),
    }));

    // Act
    const error = await handler({}).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(FolderNotEmptiedError);
    const failure = error as FolderNotEmptiedError;
    expect(failure.deleted).toBe(2488);
    expect(failure.failures).toEqual(refused.map((Key) => ({ Key, Code: 'AccessDenied', Message: 'Access Denied' })));
    expect(failure.message).toBe(
      `deleted 2488 objects under s3://${bucket}/${prefix}; 12 could not be deleted: ${refused
        .slice(0, 10)
        .map((key) => `${key} (AccessDenied)`)
        .join(', ')}, and 2 more`,
    );
    expect(deletedBatches()).toHaveLength(3);
  });

  it('throws FolderNotEmptiedError saying how many were deleted when a DeleteObjects request fails midway', async () => {
    // Prepare
    givenListing(keys(2500));
    s3Mock.on(DeleteObjectsCommand).resolvesOnce({}).rejects(s3Error('InternalError', 500));

    // Act
    const error = await handler({}).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({
      name: 'FolderNotEmptiedError',
      deleted: 1000,
      failures: [],
      message: `deleted 1000 objects under s3://${bucket}/${prefix}; then stopped on InternalError: InternalError`,
    });
    expect((error as Error).cause).toMatchObject({ name: 'InternalError' });
  });

  it('throws ResourceNotFoundError when the bucket does not exist', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).rejects(s3Error('NoSuchBucket', 404));

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: `S3 bucket ${bucket} does not exist` });
  });

  it('throws the S3 error when listing is refused before anything was deleted', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).rejects(s3Error('AccessDenied', 403));

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(s3Mock.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
  });
});
