// The three state-file Lambdas over the real S3 wire protocol: a local S3-compatible server (s3proxy)
// on 127.0.0.1, the real handlers, no mocks.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { startWireS3, type WireS3 } from '@data-pipeline/core/testing';
import { handler as readHandler } from '@data-pipeline/read-state-info-from-s3';
import { handler as removeHandler } from '@data-pipeline/remove-state-info-from-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as writeHandler } from '../src/index';

const bucket = 'state-wire-test';
const stateKey = 'data-workflows/prod/state_info/data_pipeline_ClusterId.info';
const where = `s3://${bucket}/${stateKey}`;

describe('Function: state-file Lambdas over the S3 wire protocol', () => {
  let wire: WireS3;
  let s3: S3Client;

  beforeAll(async () => {
    wire = await startWireS3({ buckets: [bucket] });
    s3 = wire.s3;
  });

  afterAll(async () => {
    await wire?.stop();
  });

  beforeEach(() => wire.env({ State_Info_File_S3_Bucket: bucket, State_Info_File_S3_Key: stateKey }));

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
      name: 'NoClusterRecordedError',
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
      name: 'NoClusterRecordedError',
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
