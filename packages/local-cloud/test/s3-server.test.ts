import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isListening, S3_START_BOUND_MS, type S3Server, startS3Server, testTimeoutFor } from '../src/index';

function clientFor(server: S3Server): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials });
}

describe('Function: startS3Server', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 's3-server-'));
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the S3 API on 127.0.0.1 and keeps objects across a restart', { timeout: testTimeoutFor(S3_START_BOUND_MS, 2) }, async () => {
    // Prepare
    const dataDir = join(root, 'lake');
    const first = await startS3Server({ dataDir });
    const s3 = clientFor(first);
    await s3.send(new CreateBucketCommand({ Bucket: 'work-area' }));
    await s3.send(new PutObjectCommand({ Bucket: 'work-area', Key: 'landing/a.csv', Body: 'id,name\n1,"x"\n' }));
    await first.stop();

    // Act
    const second = await startS3Server({ dataDir });
    const object = await clientFor(second).send(new GetObjectCommand({ Bucket: 'work-area', Key: 'landing/a.csv' }));
    const listing = await clientFor(second).send(new ListObjectsV2Command({ Bucket: 'work-area' }));
    await second.stop();

    // Assess
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await object.Body?.transformToString()).toBe('id,name\n1,"x"\n');
    expect(listing.Contents?.map((entry) => entry.Key)).toEqual(['landing/a.csv']);
  });

  it('rejects requests signed with the wrong secret', { timeout: testTimeoutFor(S3_START_BOUND_MS) }, async () => {
    // Prepare
    const server = await startS3Server({ dataDir: join(root, 'auth') });
    const wrong = new S3Client({
      region: 'us-east-1',
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: server.credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
    });

    // Act
    const error = await wrong.send(new CreateBucketCommand({ Bucket: 'work-area' })).catch((caught: unknown) => caught);
    await server.stop();

    // Assess
    expect((error as Error).name).toBe('SignatureDoesNotMatch');
  });

  it('frees its port when stopped', { timeout: testTimeoutFor(S3_START_BOUND_MS) }, async () => {
    // Prepare
    const server = await startS3Server({ dataDir: join(root, 'stop') });
    const listening = await isListening(server.endpoint);

    // Act
    await server.stop();

    // Assess
    expect(listening).toBe(true);
    expect(await isListening(server.endpoint)).toBe(false);
  });
});
