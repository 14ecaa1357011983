import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clusterEvent, defineLambda, EnvironmentError, EventValidationError, type InvocationContext } from '../src/index';
import { givenLambdaEnvironment, TEST_CONFIG_BUCKET, TEST_CONFIG_KEY } from '../src/testing/index';

const s3Mock = mockClient(S3Client);

const lambdaContext = {
  awsRequestId: 'req-123',
  functionName: 'status-emr',
  functionVersion: '1',
  invokedFunctionArn: 'arn',
  memoryLimitInMB: '256',
} as unknown as Context;

describe('Function: defineLambda', () => {
  beforeEach(() => {
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock, { config: { basic: { emr_region: 'ap-south-1' } } });
  });

  it('returns what run returns, given the parsed event, the config and its region', async () => {
    // Prepare
    const run = vi.fn(async ({ event, region, config }: InvocationContext<{ ClusterId: string }>) => ({
      ClusterId: event.ClusterId,
      region,
      name: config.basic.emr_name,
    }));
    const handler = defineLambda({ name: 'status-emr', event: clusterEvent, run });

    // Act
    const result = await handler({ ClusterId: 'j-1ABC' }, lambdaContext);

    // Assess
    expect(result).toEqual({ ClusterId: 'j-1ABC', region: 'ap-south-1', name: 'data-pipeline-test' });
    expect(s3Mock.commandCalls(GetObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: TEST_CONFIG_BUCKET, Key: TEST_CONFIG_KEY, IfNoneMatch: undefined },
    ]);
  });

  it('reads config.ini once for two invocations of a warm container', async () => {
    // Prepare
    const handler = defineLambda({ name: 'status-emr', event: clusterEvent, run: async () => ({}) });

    // Act
    await handler({ ClusterId: 'j-1ABC' });
    await handler({ ClusterId: 'j-2ABC' });

    // Assess
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(1);
  });

  it('throws EventValidationError before reading config.ini when the event is invalid', async () => {
    // Prepare
    const run = vi.fn();
    const handler = defineLambda({ name: 'status-emr', event: clusterEvent, run });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toBeInstanceOf(EventValidationError);
    expect(s3Mock.calls()).toHaveLength(0);
    expect(run).not.toHaveBeenCalled();
  });

  it('throws EnvironmentError naming Config_File_S3_Key when it is not set', async () => {
    // Prepare
    vi.stubEnv('Config_File_S3_Key', '');
    const handler = defineLambda({ name: 'status-emr', event: clusterEvent, run: async () => ({}) });

    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toBeInstanceOf(EnvironmentError);
    await expect(act).rejects.toThrow('environment variable Config_File_S3_Key is required but not set');
  });

  it('writes JSON logs with the request id and the pipeline identifiers of the event and result', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const handler = defineLambda({
      name: 'status-step-emr',
      event: clusterEvent,
      run: async () => ({ StepId: 's-9XYZ', Status: 'SUCCESS' }),
    });

    // Act
    await handler({ ClusterId: 'j-1ABC' }, lambdaContext);

    // Assess
    const records = lines
      .flatMap((line) => line.split('\n'))
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      level: 'INFO',
      message: 'completed',
      service: 'status-step-emr',
      function_request_id: 'req-123',
      pipeline: 'data-pipeline',
      ClusterId: 'j-1ABC',
      StepId: 's-9XYZ',
      result: { StepId: 's-9XYZ', Status: 'SUCCESS' },
    });
  });
});
