import { EMRClient, EMRServiceException, RunJobFlowCommand } from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

describe('Function: launch-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it('returns the new cluster id with Status STARTING', async () => {
    // Prepare
    emrMock
      .on(RunJobFlowCommand)
      .resolves({ JobFlowId: 'j-2AXXXXXXGAPLF', ClusterArn: 'arn:aws:elasticmapreduce:eu-west-1:1:cluster/j-2AXXXXXXGAPLF' });

    // Act
    const result = await handler({ anything: 'the workflow passes' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-2AXXXXXXGAPLF', Status: 'STARTING' });
  });

  it('sends one RunJobFlow built from config.ini', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, {
      config: {
        basic: { emr_name: 'dp-dev' },
        instances: { worker_instance_type: 'r5.xlarge' },
        spot: { allocation_strategy: 'capacity-optimized' },
      },
    });
    emrMock.on(RunJobFlowCommand).resolves({ JobFlowId: 'j-1ABC' });

    // Act
    await handler(undefined);

    // Assess
    const inputs = emrMock.commandCalls(RunJobFlowCommand).map((call) => call.args[0].input);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({
      Name: 'dp-dev',
      LogUri: 's3://data-pipeline-test-work-area/data-workflows/emr-logs/dp-dev/',
      ReleaseLabel: 'emr-7.12.0',
      Instances: {
        InstanceFleets: [
          { InstanceFleetType: 'MASTER' },
          {
            InstanceFleetType: 'CORE',
            InstanceTypeConfigs: [{ InstanceType: 'r5.xlarge', BidPriceAsPercentageOfOnDemandPrice: 60 }],
            LaunchSpecifications: { SpotSpecification: { AllocationStrategy: 'capacity-optimized' } },
          },
        ],
      },
    });
  });

  it('asks EMR in the region of config.ini', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { config: { basic: { emr_region: 'us-east-2' } } });
    emrMock.on(RunJobFlowCommand).resolves({ JobFlowId: 'j-1ABC' });

    // Act
    await handler({});

    // Assess
    const client = emrMock.commandCalls(RunJobFlowCommand)[0]?.thisValue as EMRClient;
    expect(await client.config.region()).toBe('us-east-2');
  });

  it('throws ClusterSpecificationError and launches nothing when the CORE fleet would be empty', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { config: { instances: { ondemand_worker_count: '0' }, spot: { spot_worker_count: '0' } } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ClusterSpecificationError' });
    expect(emrMock.calls()).toHaveLength(0);
  });

  it('throws ConfigValidationError naming the key and launches nothing when config.ini lacks emr_name', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { config: { basic: { emr_name: '' } } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ConfigValidationError',
      message: expect.stringContaining('[basic] emr_name: missing'),
    });
    expect(emrMock.calls()).toHaveLength(0);
  });

  it('throws the EMR error when EMR rejects the request', async () => {
    // Prepare
    emrMock.on(RunJobFlowCommand).rejects(
      new EMRServiceException({
        name: 'ValidationException',
        $fault: 'client',
        $metadata: {},
        message: 'The requested instance type m5.xlarge is not supported in the requested availability zone.',
      }),
    );

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('not supported') });
  });

  it('throws UnexpectedResponseError when EMR answers no cluster id', async () => {
    // Prepare
    emrMock.on(RunJobFlowCommand).resolves({});

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      message: 'EMR accepted cluster data-pipeline-test but answered no cluster id',
    });
  });
});
