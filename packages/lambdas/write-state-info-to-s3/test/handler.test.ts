import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment, s3TextBody, TEST_CONFIG_BUCKET, TEST_STATE_KEY } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const s3Mock = mockClient(S3Client);
const stateFile = { Bucket: TEST_CONFIG_BUCKET, Key: TEST_STATE_KEY };
const env = { State_Info_File_S3_Bucket: TEST_CONFIG_BUCKET, State_Info_File_S3_Key: TEST_STATE_KEY };

/** The state file as S3 would hold it after the PutObject calls sent so far. */
function givenStateFileStoredAsWritten(): void {
  s3Mock.on(GetObjectCommand, stateFile).callsFake(() => {
    const puts = s3Mock.commandCalls(PutObjectCommand);
    const body = puts.at(-1)?.args[0].input.Body;
    return { Body: s3TextBody(String(body ?? '')) };
  });
}

function stateFileCalls(): unknown[] {
  return s3Mock
    .calls()
    .map((call) => ({ command: call.args[0].constructor.name, input: call.args[0].input as Record<string, unknown> }))
    .filter((call) => call.input.Key === TEST_STATE_KEY);
}

describe('Function: write-state-info-to-s3 handler', () => {
  beforeEach(() => {
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock, { env });
  });

  it('returns SUCCESS when the state file holds the cluster id after writing it', async () => {
    // Prepare
    givenStateFileStoredAsWritten();

    // Act
    const result = await handler({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'STARTED' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'SUCCESS' });
    expect(stateFileCalls()).toEqual([
      {
        command: 'PutObjectCommand',
        input: { ...stateFile, Body: 'j-2AXXXXXXGAPLF', ContentType: 'text/plain; charset=utf-8' },
      },
      { command: 'GetObjectCommand', input: stateFile },
    ]);
  });

  it('returns FAIL when reading the file back gives another cluster id', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand, stateFile).callsFake(() => ({ Body: s3TextBody('j-OTHERCLUSTER') }));

    // Act
    const result = await handler({ ClusterId: 'j-2AXXXXXXGAPLF' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'FAIL' });
  });

  it('returns FAIL when the file cannot be read back', async () => {
    // Prepare
    s3Mock
      .on(GetObjectCommand, stateFile)
      .rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'denied' }));

    // Act
    const result = await handler({ ClusterId: 'j-2AXXXXXXGAPLF' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'FAIL' });
  });

  it('throws StateFileError naming the file when it cannot be written', async () => {
    // Prepare
    s3Mock
      .on(PutObjectCommand)
      .rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'denied' }));

    // Act
    const act = handler({ ClusterId: 'j-2AXXXXXXGAPLF' });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'StateFileError',
      message: `state file s3://${TEST_CONFIG_BUCKET}/${TEST_STATE_KEY}: cannot be written`,
    });
  });

  it.each([
    [{}, 'ClusterId is missing'],
    [{ ClusterId: 42 }, 'ClusterId must be a string'],
    [{ ClusterId: '' }, 'ClusterId is not an EMR cluster id (j-…): ""'],
    [{ ClusterId: 'cluster-1' }, 'ClusterId is not an EMR cluster id (j-…): "cluster-1"'],
  ])('throws naming ClusterId and writes nothing when the event is %j', async (event, problem) => {
    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EventValidationError', message: `write-state-info-to-s3: invalid event: ${problem}` });
    expect(stateFileCalls()).toEqual([]);
  });

  it('throws EnvironmentError and writes nothing when State_Info_File_S3_Key is not set', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, State_Info_File_S3_Key: '' } });

    // Act
    const act = handler({ ClusterId: 'j-2AXXXXXXGAPLF' });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EnvironmentError',
      message: 'environment variable State_Info_File_S3_Key is required but not set',
    });
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});
