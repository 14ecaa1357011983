import { DeleteObjectCommand, GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment, s3TextBody, TEST_CONFIG_BUCKET, TEST_STATE_KEY } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const s3Mock = mockClient(S3Client);
const stateFile = { Bucket: TEST_CONFIG_BUCKET, Key: TEST_STATE_KEY };
const where = `s3://${TEST_CONFIG_BUCKET}/${TEST_STATE_KEY}`;
const env = { State_Info_File_S3_Bucket: TEST_CONFIG_BUCKET, State_Info_File_S3_Key: TEST_STATE_KEY };

function s3Error(name: string, httpStatusCode: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode }, message: name });
}

describe('Function: remove-state-info-from-s3 handler', () => {
  beforeEach(() => {
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock, { env });
  });

  it('returns CLEARED with the previous cluster id after deleting the state file', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand, stateFile).callsFake(() => ({ Body: s3TextBody('j-2AXXXXXXGAPLF') }));
    s3Mock.on(DeleteObjectCommand).resolves({});

    // Act
    const result = await handler({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'STOPPED' });

    // Assess
    expect(result).toEqual({ Status: 'CLEARED', StateFile: where, PreviousClusterId: 'j-2AXXXXXXGAPLF' });
    expect(s3Mock.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([stateFile]);
  });

  it('returns CLEARED without a previous cluster id when there was no state file', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand, stateFile).rejects(s3Error('NoSuchKey', 404));
    s3Mock.on(DeleteObjectCommand).resolves({});

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'CLEARED', StateFile: where });
    expect(s3Mock.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([stateFile]);
  });

  it('throws StateFileError when the state file cannot be deleted', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand, stateFile).callsFake(() => ({ Body: s3TextBody('j-2AXXXXXXGAPLF') }));
    s3Mock.on(DeleteObjectCommand).rejects(s3Error('AccessDenied', 403));

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'StateFileError', message: `state file ${where}: cannot be deleted` });
  });

  it('throws EnvironmentError and deletes nothing when State_Info_File_S3_Key is not set', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, State_Info_File_S3_Key: '' } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EnvironmentError',
      message: 'environment variable State_Info_File_S3_Key is required but not set',
    });
    expect(s3Mock.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });
});
