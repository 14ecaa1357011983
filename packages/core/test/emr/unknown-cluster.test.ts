import { DescribeClusterCommand, EMRClient, EMRServiceException } from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResourceNotFoundError, rethrowUnknownCluster, UnexpectedResponseError } from '../../src/index';

const emrMock = mockClient(EMRClient);
const emr = new EMRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

function emrError(name: string, message: string): EMRServiceException {
  return new EMRServiceException({ name, $fault: 'client', $metadata: {}, message });
}

async function describeState(clusterId: string): Promise<string | undefined> {
  try {
    return (await emr.send(new DescribeClusterCommand({ ClusterId: clusterId }))).Cluster?.Status?.State;
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
}

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (thrown) {
    return thrown;
  }
  throw new Error('expected a throw');
}

describe('Function: rethrowUnknownCluster', () => {
  beforeEach(() => emrMock.reset());

  it('throws ResourceNotFoundError with the given message and EMR error as cause when EMR does not know the cluster', async () => {
    // Prepare
    const refusal = emrError('InvalidRequestException', 'Cluster id is not valid.');
    emrMock.on(DescribeClusterCommand).rejects(refusal);

    // Act
    const act = describeState('j-UNKNOWN');

    // Assess
    await expect(act).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(act).rejects.toMatchObject({
      name: 'ResourceNotFoundError',
      message: 'EMR cluster j-UNKNOWN does not exist',
      cause: refusal,
    });
  });

  it.each([
    ['an other EMR error', emrError('ThrottlingException', 'Rate exceeded')],
    ['a pipeline error', new UnexpectedResponseError('EMR answered no state')],
    ['a value that is not an error', 'InvalidRequestException'],
  ])('throws %s as it is', (_what, error) => {
    // Act
    const thrown = thrownBy(() => rethrowUnknownCluster(error, 'EMR cluster j-1ABC does not exist'));

    // Assess
    expect(thrown).toBe(error);
  });
});
