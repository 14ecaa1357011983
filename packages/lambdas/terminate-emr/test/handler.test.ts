import { EMRClient, EMRServiceException, TerminateJobFlowsCommand } from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

function emrError(name: string, message: string) {
  return new EMRServiceException({ name, $fault: 'client', $metadata: {}, message });
}

describe('Function: terminate-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it('returns STOPPING after asking EMR to terminate exactly that cluster', async () => {
    // Prepare
    emrMock.on(TerminateJobFlowsCommand).resolves({});

    // Act
    const result = await handler({ ClusterId: 'j-1ABC', Status: 'STARTED' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-1ABC', Status: 'STOPPING' });
    expect(emrMock.commandCalls(TerminateJobFlowsCommand).map((call) => call.args[0].input)).toEqual([{ JobFlowIds: ['j-1ABC'] }]);
  });

  it('asks EMR in the region of config.ini', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { config: { basic: { emr_region: 'ap-southeast-2' } } });
    emrMock.on(TerminateJobFlowsCommand).resolves({});

    // Act
    await handler({ ClusterId: 'j-1ABC' });

    // Assess
    const client = emrMock.commandCalls(TerminateJobFlowsCommand)[0]?.thisValue as EMRClient;
    expect(await client.config.region()).toBe('ap-southeast-2');
  });

  it('throws ResourceNotFoundError naming the cluster when EMR does not know it', async () => {
    // Prepare
    emrMock.on(TerminateJobFlowsCommand).rejects(emrError('InvalidRequestException', 'Cluster id is not valid.'));

    // Act
    const act = handler({ ClusterId: 'j-UNKNOWN' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: 'EMR cluster j-UNKNOWN does not exist' });
  });

  it('throws the EMR error when EMR refuses to terminate', async () => {
    // Prepare
    emrMock
      .on(TerminateJobFlowsCommand)
      .rejects(emrError('ValidationException', 'Could not shut down one or more job flows since they are termination protected.'));

    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('termination protected') });
  });

  it.each([
    [{}, 'ClusterId is missing'],
    [{ ClusterId: null }, 'ClusterId must be a string'],
    [{ ClusterId: 'j-1abc' }, 'ClusterId is not an EMR cluster id (j-…): "j-1abc"'],
  ])('throws naming ClusterId and terminates nothing when the event is %j', async (event, problem) => {
    // Prepare
    emrMock.on(TerminateJobFlowsCommand).resolves({});

    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EventValidationError', message: `terminate-emr: invalid event: ${problem}` });
    expect(emrMock.calls()).toHaveLength(0);
  });
});
