// delete-all-objects-in-s3folder over the real S3 wire protocol: a local S3-compatible server
// (s3proxy) on 127.0.0.1, the real handler, no mocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { clearAwsClients, clearConfigCache } from '@data-pipeline/core';
import { testConfigIni } from '@data-pipeline/core/testing';
import { type S3Server, startS3Server } from '@data-pipeline/local-cloud';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/index';

const bucket = 'delete-wire-test';
const configKey = 'data-workflows/prod/libs/lambda_fn_config/config.ini';

describe('Function: delete-all-objects-in-s3folder over the S3 wire protocol', () => {
  let root: string;
  let server: S3Server;
  let s3: S3Client;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'delete-wire-'));
    server = await startS3Server({ dataDir: join(root, 'lake') });
    s3 = new S3Client({ region: 'eu-west-1', endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: configKey, Body: testConfigIni() }));
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
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
    const env: Record<string, string> = {
      Config_File_S3_Bucket: bucket,
      Config_File_S3_Key: configKey,
      Target_Folder_S3_Bucket: bucket,
      Target_Folder_S3_Key: 'stage/sales',
      AWS_REGION: 'eu-west-1',
      ...server.clientEnv(),
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    clearConfigCache();
    clearAwsClients();

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'SUCCESS', Deleted: 1005 });
    expect(await remainingKeys()).toEqual([configKey, ...kept].sort());
  }, 60_000);
});
