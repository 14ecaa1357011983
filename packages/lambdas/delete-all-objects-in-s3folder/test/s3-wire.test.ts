// delete-all-objects-in-s3folder over the real S3 wire protocol: a local S3-compatible server
// (s3proxy) on 127.0.0.1, the real handler, no mocks.
import { PutObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { startWireS3, TEST_CONFIG_KEY, type WireS3 } from '@data-pipeline/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const bucket = 'delete-wire-test';

describe('Function: delete-all-objects-in-s3folder over the S3 wire protocol', () => {
  let wire: WireS3;
  let s3: S3Client;

  beforeAll(async () => {
    wire = await startWireS3({ buckets: [bucket] });
    s3 = wire.s3;
  });

  afterAll(async () => {
    await wire?.stop();
  });

  async function put(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 25) {
      await Promise.all(keys.slice(start, start + 25).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }))));
    }
  }

  async function remainingKeys(): Promise<string[]> {
    const found: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) {
      for (const object of page.Contents ?? []) found.push(object.Key ?? '');
    }
    return found.sort();
  }

  it('returns Deleted 1005 after emptying the folder and leaves its namesake and the rest of the bucket', async () => {
    // Prepare
    const folder = Array.from({ length: 1005 }, (_, index) => `stage/sales/part-${String(index).padStart(4, '0')}.csv`);
    const kept = ['stage/sales-archive/a.csv', 'stage/sales.csv', 'stage/other/b.csv'];
    await put([...folder, ...kept]);
    wire.env({ Target_Folder_S3_Bucket: bucket, Target_Folder_S3_Key: 'stage/sales' });

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'SUCCESS', Deleted: 1005 });
    expect(await remainingKeys()).toEqual([TEST_CONFIG_KEY, ...kept].sort());
  }, 60_000);
});
