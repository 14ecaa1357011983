// startWireS3 starts a real local S3-compatible server (s3proxy) on 127.0.0.1.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { HeadObjectCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { S3_START_BOUND_MS, testTimeoutFor } from '@data-pipeline/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configLocationFromEnv, createS3Client, loadConfig } from '../../src/index';
import { startWireS3, TEST_CONFIG_KEY, type WireS3 } from '../../src/testing/index';

describe('Function: startWireS3', () => {
  let wire: WireS3;

  beforeAll(async () => {
    wire = await startWireS3({ buckets: ['wire-config', 'wire-data'], config: { basic: { emr_name: 'wire-cluster' } } });
  });

  afterAll(async () => {
    await wire?.stop();
  });

  it('returns a client of a server holding the buckets', async () => {
    // Act
    const listed = await wire.s3.send(new ListBucketsCommand({}));

    // Assess
    expect(listed.Buckets?.map((bucket) => bucket.Name).sort()).toEqual(['wire-config', 'wire-data']);
  });

  it('stubs the environment of a function that then reads config.ini from the first bucket of the server', async () => {
    // Act
    wire.env({ Target_Folder_S3_Bucket: 'wire-data' });
    const location = configLocationFromEnv();
    const config = await loadConfig({ s3: createS3Client(), location });

    // Assess
    expect(location).toEqual({ bucket: 'wire-config', key: TEST_CONFIG_KEY });
    expect(process.env.AWS_ENDPOINT_URL_S3).toBe(wire.server.endpoint);
    expect(process.env.Target_Folder_S3_Bucket).toBe('wire-data');
    expect(config.basic.emr_name).toBe('wire-cluster');
  });

  it('writes no config.ini when config is false, and stop removes the server files', {
    timeout: testTimeoutFor(S3_START_BOUND_MS),
  }, async () => {
    // Prepare
    const bare = await startWireS3({ buckets: ['wire-bare'], config: false });
    const dataDir = bare.server.dataDir;

    // Act
    const head = await bare.s3
      .send(new HeadObjectCommand({ Bucket: 'wire-bare', Key: TEST_CONFIG_KEY }))
      .catch((error: Error) => error.name);
    await bare.stop();

    // Assess
    expect(head).toBe('NotFound');
    expect(existsSync(dirname(dataDir))).toBe(false);
  });
});
