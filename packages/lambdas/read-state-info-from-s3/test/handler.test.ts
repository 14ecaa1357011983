import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment, s3TextBody, TEST_CONFIG_BUCKET, TEST_STATE_KEY } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const s3Mock = mockClient(S3Client);
const stateFile = { Bucket: TEST_CONFIG_BUCKET, Key: TEST_STATE_KEY };
const where = `s3://${TEST_CONFIG_BUCKET}/${TEST_STATE_KEY}`;
const env = { State_Info_File_S3_Bucket: TEST_CONFIG_BUCKET, State_Info_File_S3_Key: TEST_STATE_KEY };

function givenStateFile(text: string): void {
  s3Mock.on(GetObjectCommand, stateFile).callsFake(() => ({ Body: s3TextBody(text) }));
}

function stateFileReads(): unknown[] {
  return s3Mock
    .commandCalls(GetObjectCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.Key === TEST_STATE_KEY);
}

describe('Function: read-state-info-from-s3 handler', () => {
  beforeEach(() => {
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock, { env });
  });

  it('returns the cluster id the state file holds', async () => {
    // Prepare
    givenStateFile('j-2AXXXXXXGAPLF\n');

    // Act
    const result = await handler({ Status: 'anything the workflow carries' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-2AXXXXXXGAPLF' });
    expect(stateFileReads()).toEqual([stateFile]);
  });

  it('returns the cluster id when the event is null', async () => {
    // Prepare
    givenStateFile('j-1ABC');

    // Act
    const result = await handler(null);

    // Assess
    expect(result).toEqual({ ClusterId: 'j-1ABC' });
  });

  it('throws StateFileError when the state file does not exist', async () => {
    // Prepare
    s3Mock
      .on(GetObjectCommand, stateFile)
      .rejects(new S3ServiceException({ name: 'NoSuchKey', $fault: 'client', $metadata: { httpStatusCode: 404 }, message: 'no key' }));

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'NoClusterRecordedError',
      message: `state file ${where}: does not exist: no cluster is recorded as running`,
    });
  });

  it('throws StateFileError when the state file is empty', async () => {
    // Prepare
    givenStateFile('\n');

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'NoClusterRecordedError',
      message: `state file ${where}: is empty: no cluster is recorded as running`,
    });
  });

  it('throws StateFileError quoting the content when it is not a cluster id', async () => {
    // Prepare
    givenStateFile('<html>oops</html>');

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'StateFileError',
      message: `state file ${where}: does not hold an EMR cluster id (j-…): "<html>oops</html>"`,
    });
  });

  it('throws EnvironmentError and reads nothing when State_Info_File_S3_Bucket is not set', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, State_Info_File_S3_Bucket: '' } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EnvironmentError',
      message: 'environment variable State_Info_File_S3_Bucket is required but not set',
    });
    expect(stateFileReads()).toEqual([]);
  });
});
