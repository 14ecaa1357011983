import { DescribeClusterCommand, EMRClient, EMRServiceException } from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

describe('Function: status-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it.each([
    ['STARTING', 'STARTING'],
    ['BOOTSTRAPPING', 'STARTING'],
    ['RUNNING', 'STARTED'],
    ['WAITING', 'STARTED'],
    ['TERMINATING', 'STOPPED'],
    ['TERMINATED', 'STOPPED'],
    ['TERMINATED_WITH_ERRORS', 'STOPPED'],
  ] as const)('returns %s as Status %s', async (state, expected) => {
    // Prepare
    emrMock.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-1ABC', Status: { State: state } } });

    // Act
    const result = await handler({ ClusterId: 'j-1ABC', Extra: 'kept out' });

    // Assess
    expect(result).toEqual(
      expected === 'STOPPED' ? { ClusterId: 'j-1ABC', Status: expected, Reason: state } : { ClusterId: 'j-1ABC', Status: expected },
    );
    expect(emrMock.commandCalls(DescribeClusterCommand).map((call) => call.args[0].input)).toEqual([{ ClusterId: 'j-1ABC' }]);
  });

  it('returns the state change reason of a stopped cluster as Reason', async () => {
    // Prepare
    emrMock.on(DescribeClusterCommand).resolves({
      Cluster: {
        Id: 'j-1ABC',
        Status: {
          State: 'TERMINATED_WITH_ERRORS',
          StateChangeReason: {
            Code: 'BOOTSTRAP_FAILURE',
            Message: 'On the master instance, bootstrap action 1 returned a non-zero return code',
          },
        },
      },
    });

    // Act
    const result = await handler({ ClusterId: 'j-1ABC' });

    // Assess
    expect(result).toEqual({
      ClusterId: 'j-1ABC',
      Status: 'STOPPED',
      Reason: 'TERMINATED_WITH_ERRORS: BOOTSTRAP_FAILURE: On the master instance, bootstrap action 1 returned a non-zero return code',
    });
  });

  it('asks EMR in the region of config.ini', async () => {
    // Prepare
    emrMock.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-1ABC', Status: { State: 'WAITING' } } });

    // Act
    await handler({ ClusterId: 'j-1ABC' });

    // Assess
    const client = emrMock.commandCalls(DescribeClusterCommand)[0]?.thisValue as EMRClient;
    expect(await client.config.region()).toBe('eu-west-1');
  });

  it('throws naming ClusterId and calls nothing when the event has none', async () => {
    // Prepare
    const event = { Status: 'STARTING' };

    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toThrow('status-emr: invalid event: ClusterId is missing');
    expect(emrMock.calls()).toHaveLength(0);
  });

  it('throws ResourceNotFoundError when EMR does not know the cluster', async () => {
    // Prepare
    emrMock
      .on(DescribeClusterCommand)
      .rejects(
        new EMRServiceException({ name: 'InvalidRequestException', $fault: 'client', $metadata: {}, message: 'Cluster id is not valid.' }),
      );

    // Act
    const act = handler({ ClusterId: 'j-UNKNOWN' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: 'EMR cluster j-UNKNOWN does not exist' });
  });

  it('throws UnexpectedResponseError when EMR answers no state', async () => {
    // Prepare
    emrMock.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-1ABC' } });

    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toThrow('EMR cluster j-1ABC is in an unknown state: (none)');
  });
});
