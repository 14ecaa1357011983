import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { StateFileError } from '../../src/errors';
import { clearClusterId, readClusterId, stateFileLocationFromEnv, writeClusterId } from '../../src/index';
import { s3TextBody } from '../../src/testing/index';

const location = { bucket: 'work-area', key: 'data-workflows/prod/state_info/data_pipeline_ClusterId.info' };
const where = 's3://work-area/data-workflows/prod/state_info/data_pipeline_ClusterId.info';

function noSuchKey(): S3ServiceException {
  return new S3ServiceException({
    name: 'NoSuchKey',
    $fault: 'client',
    $metadata: { httpStatusCode: 404 },
    message: 'The specified key does not exist.',
  });
}

describe('Function: readClusterId', () => {
  const s3Mock = mockClient(S3Client);
  beforeEach(() => s3Mock.reset());

  it('returns the trimmed cluster id when the file holds one', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody('j-2AXXXXXXGAPLF\n') });

    // Act
    const clusterId = await readClusterId(new S3Client({}), location);

    // Assess
    expect(clusterId).toBe('j-2AXXXXXXGAPLF');
    expect(s3Mock.commandCalls(GetObjectCommand)[0]?.args[0].input).toMatchObject({ Bucket: location.bucket, Key: location.key });
  });

  it('throws StateFileError saying no cluster is recorded when the file does not exist', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).rejects(noSuchKey());

    // Act
    const act = readClusterId(new S3Client({}), location);

    // Assess
    await expect(act).rejects.toThrow(StateFileError);
    await expect(act).rejects.toThrow(`state file ${where}: does not exist: no cluster is recorded as running`);
  });

  it('throws StateFileError when the file is empty', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody('  \n') });

    // Act
    const act = readClusterId(new S3Client({}), location);

    // Assess
    await expect(act).rejects.toThrow(`state file ${where}: is empty: no cluster is recorded as running`);
  });

  it('throws StateFileError quoting the content when it is not a cluster id', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody('{"ClusterId": ""}') });

    // Act
    const act = readClusterId(new S3Client({}), location);

    // Assess
    await expect(act).rejects.toThrow(`state file ${where}: does not hold an EMR cluster id (j-…): "{\\"ClusterId\\": \\"\\"}"`);
  });

  it('throws StateFileError with the cause when S3 refuses access', async () => {
    // Prepare
    const denied = new S3ServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
      message: 'Access Denied',
    });
    s3Mock.on(GetObjectCommand).rejects(denied);

    // Act
    const error = await readClusterId(new S3Client({}), location).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toBe(`state file ${where}: cannot be read`);
    expect((error as Error).cause).toBe(denied);
  });
});

describe('Function: writeClusterId', () => {
  const s3Mock = mockClient(S3Client);
  beforeEach(() => s3Mock.reset());

  it('returns true after writing the id and reading the same id back', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).resolves({});
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody('j-1ABC') });

    // Act
    const verified = await writeClusterId(new S3Client({}), location, 'j-1ABC');

    // Assess
    expect(verified).toBe(true);
    expect(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: location.bucket,
      Key: location.key,
      Body: 'j-1ABC',
      ContentType: 'text/plain; charset=utf-8',
    });
  });

  it('returns false when the id read back differs', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).resolves({});
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody('j-OTHER') });

    // Act
    const verified = await writeClusterId(new S3Client({}), location, 'j-1ABC');

    // Assess
    expect(verified).toBe(false);
  });

  it('throws without writing when the id is not a cluster id', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).resolves({});

    // Act
    const act = writeClusterId(new S3Client({}), location, '');

    // Assess
    await expect(act).rejects.toThrow(`state file ${where}: refusing to record "": not an EMR cluster id (j-…)`);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});

describe('Function: clearClusterId', () => {
  const s3Mock = mockClient(S3Client);
  beforeEach(() => s3Mock.reset());

  it('deletes the file and returns the id it held', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody('j-1ABC') });
    s3Mock.on(DeleteObjectCommand).resolves({});

    // Act
    const result = await clearClusterId(new S3Client({}), location);

    // Assess
    expect(result).toEqual({ previous: 'j-1ABC' });
    expect(s3Mock.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({ Bucket: location.bucket, Key: location.key });
  });

  it('deletes and returns no previous id when the file was already gone', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).rejects(noSuchKey());
    s3Mock.on(DeleteObjectCommand).resolves({});

    // Act
    const result = await clearClusterId(new S3Client({}), location);

    // Assess
    expect(result).toEqual({ previous: undefined });
    expect(s3Mock.commandCalls(DeleteObjectCommand)).toHaveLength(1);
  });
});

describe('Function: stateFileLocationFromEnv', () => {
  it('throws naming State_Info_File_S3_Bucket when it is missing', () => {
    // Prepare
    const env = { State_Info_File_S3_Key: 'state.info' };

    // Act
    const act = () => stateFileLocationFromEnv(env);

    // Assess
    expect(act).toThrow('environment variable State_Info_File_S3_Bucket is required but not set');
  });
});
