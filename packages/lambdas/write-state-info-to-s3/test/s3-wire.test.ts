// The three state-file Lambdas over the real S3 wire protocol: a local S3-compatible server (s3proxy)
// on 127.0.0.1, the real handlers, no mocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { clearAwsClients, clearConfigCache } from '@data-pipeline/core';
import { testConfigIni } from '@data-pipeline/core/testing';
import { type S3Server, startS3Server } from '@data-pipeline/local-cloud';
import { handler as readHandler } from '@data-pipeline/read-state-info-from-s3';
import { handler as removeHandler } from '@data-pipeline/remove-state-info-from-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as writeHandler } from '../src/index';

const bucket = 'state-wire-test';
const configKey = 'data-workflows/prod/libs/lambda_fn_config/config.ini';
const stateKey = 'data-workflows/prod/state_info/data_pipeline_ClusterId.info';
const where = `s3://${bucket}/${stateKey}`;

describe('Function: state-file Lambdas over the S3 wire protocol', () => {
  let root: string;
  let server: S3Server;
  let s3: S3Client;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'state-wire-'));
    server = await startS3Server({ dataDir: join(root, 'lake') });
    s3 = new S3Client({ region: 'eu-west-1', endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: configKey, Body: testConfigIni() }));
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  beforeEach(() => {
    const env: Record<string, string> = {
      Config_File_S3_Bucket: bucket,
      Config_File_S3_Key: configKey,
      State_Info_File_S3_Bucket: bucket,
      State_Info_File_S3_Key: stateKey,
      AWS_REGION: 'eu-west-1',
      ...server.clientEnv(),
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    clearConfigCache();
    clearAwsClients();
  });

  async function stateFileText(): Promise<string> {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: stateKey }));
    return (await object.Body?.transformToString('utf-8')) ?? '';
  }

  it('returns each workflow step what the state file holds: write, read, remove, then read fails clearly', async () => {
    // Act
    const written = await writeHandler({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'STARTED' });
    const storedAfterWrite = await stateFileText();
    const read = await readHandler({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'SUCCESS' });
    const removed = await removeHandler({});
    const stateFileAfterRemove = await s3
      .send(new HeadObjectCommand({ Bucket: bucket, Key: stateKey }))
      .catch((error: Error) => error.name);
    const readAfterRemove = readHandler({}).catch((error: unknown) => error);

    // Assess
    expect(written).toEqual({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'SUCCESS' });
    expect(storedAfterWrite).toBe('j-2AXXXXXXGAPLF');
    expect(read).toEqual({ ClusterId: 'j-2AXXXXXXGAPLF' });
    expect(removed).toEqual({ Status: 'CLEARED', StateFile: where, PreviousClusterId: 'j-2AXXXXXXGAPLF' });
    expect(stateFileAfterRemove).toBe('NotFound');
    expect(await readAfterRemove).toMatchObject({
      name: 'StateFileError',
      message: `state file ${where}: does not exist: no cluster is recorded as running`,
    });
  });

  it('returns the new cluster id after a second cluster replaces the first', async () => {
    // Prepare
    await writeHandler({ ClusterId: 'j-FIRST1' });

    // Act
    const written = await writeHandler({ ClusterId: 'j-SECOND2' });
    const read = await readHandler({});

    // Assess
    expect(written).toEqual({ ClusterId: 'j-SECOND2', Status: 'SUCCESS' });
    expect(await stateFileText()).toBe('j-SECOND2');
    expect(read).toEqual({ ClusterId: 'j-SECOND2' });
  });

  it('throws StateFileError when the state file was left empty', async () => {
    // Prepare
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: stateKey, Body: new Uint8Array(0) }));

    // Act
    const act = readHandler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'StateFileError',
      message: `state file ${where}: is empty: no cluster is recorded as running`,
    });
  });

  it('returns CLEARED without a previous cluster id when there is no state file', async () => {
    // Prepare
    await removeHandler({});

    // Act
    const removed = await removeHandler({});

    // Assess
    expect(removed).toEqual({ Status: 'CLEARED', StateFile: where });
  });
});
