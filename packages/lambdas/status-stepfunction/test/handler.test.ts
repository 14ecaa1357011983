import { S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, type ExecutionStatus, SFNClient, SFNServiceException } from '@aws-sdk/client-sfn';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const sfnMock = mockClient(SFNClient);
const s3Mock = mockClient(S3Client);

const stateMachineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:data-pipeline-dev-fact-process';
const executionArn =
  'arn:aws:states:eu-west-1:123456789012:execution:data-pipeline-dev-fact-process:data-pipeline-dev-fact-process_20250307230405_1a2b3c4d';

function describeAnswer(status: ExecutionStatus | string, extra: Record<string, string> = {}) {
  return { executionArn, stateMachineArn, status: status as ExecutionStatus, startDate: new Date('2025-03-07T23:04:05Z'), ...extra };
}

describe('Function: status-stepfunction handler', () => {
  beforeEach(() => {
    sfnMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it.each([
    ['RUNNING', 'RUNNING'],
    ['PENDING_REDRIVE', 'RUNNING'],
    ['SUCCEEDED', 'SUCCESS'],
  ])('returns execution status %s as Status %s', async (status, expected) => {
    // Prepare
    sfnMock.on(DescribeExecutionCommand).resolves(describeAnswer(status));

    // Act
    const result = await handler({ executionArn, ClusterId: 'j-1ABC' });

    // Assess
    expect(result).toEqual({ executionArn, Status: expected });
    expect(sfnMock.commandCalls(DescribeExecutionCommand).map((call) => call.args[0].input)).toEqual([{ executionArn }]);
  });

  it.each(['FAILED', 'TIMED_OUT', 'ABORTED'])('returns execution status %s as Status ERROR with its Error and Cause', async (status) => {
    // Prepare
    sfnMock
      .on(DescribeExecutionCommand)
      .resolves(describeAnswer(status, { error: 'States.TaskFailed', cause: '{"errorMessage":"Hive step s-1ABC failed"}' }));

    // Act
    const result = await handler({ executionArn });

    // Assess
    expect(result).toEqual({
      executionArn,
      Status: 'ERROR',
      Error: 'States.TaskFailed',
      Cause: '{"errorMessage":"Hive step s-1ABC failed"}',
    });
  });

  it('returns Status ERROR without Error and Cause when Step Functions gives none', async () => {
    // Prepare
    sfnMock.on(DescribeExecutionCommand).resolves(describeAnswer('ABORTED'));

    // Act
    const result = await handler({ executionArn });

    // Assess
    expect(result).toEqual({ executionArn, Status: 'ERROR' });
  });

  it('returns no Error or Cause for a successful execution', async () => {
    // Prepare
    sfnMock.on(DescribeExecutionCommand).resolves(describeAnswer('SUCCEEDED', { error: 'stale', cause: 'stale' }));

    // Act
    const result = await handler({ executionArn });

    // Assess
    expect(result).toEqual({ executionArn, Status: 'SUCCESS' });
  });

  it('asks Step Functions in the region of the execution ARN', async () => {
    // Prepare
    const elsewhere = executionArn.replace('eu-west-1', 'ap-southeast-2');
    sfnMock.on(DescribeExecutionCommand).resolves(describeAnswer('RUNNING'));

    // Act
    await handler({ executionArn: elsewhere });

    // Assess
    const client = sfnMock.commandCalls(DescribeExecutionCommand)[0]?.thisValue as SFNClient;
    expect(await client.config.region()).toBe('ap-southeast-2');
  });

  it.each([
    [{}, 'executionArn is missing'],
    [{ executionArn: 7 }, 'executionArn must be an execution ARN'],
    [{ executionArn: stateMachineArn }, `executionArn is not an execution ARN: "${stateMachineArn}"`],
  ])('throws naming executionArn and calls nothing when the event is %j', async (event, problem) => {
    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EventValidationError', message: `status-stepfunction: invalid event: ${problem}` });
    expect(sfnMock.calls()).toHaveLength(0);
  });

  it('throws ResourceNotFoundError when the execution does not exist', async () => {
    // Prepare
    sfnMock
      .on(DescribeExecutionCommand)
      .rejects(
        new SFNServiceException({ name: 'ExecutionDoesNotExist', $fault: 'client', $metadata: {}, message: 'Execution Does Not Exist' }),
      );

    // Act
    const act = handler({ executionArn });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: `execution ${executionArn} does not exist` });
  });

  it('throws UnexpectedResponseError when the status is one the workflow cannot act on', async () => {
    // Prepare
    sfnMock.on(DescribeExecutionCommand).resolves(describeAnswer('PAUSED'));

    // Act
    const act = handler({ executionArn });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      message: `execution ${executionArn} is in an unknown status: PAUSED`,
    });
  });

  it('throws the Step Functions error when the call is refused otherwise', async () => {
    // Prepare
    sfnMock
      .on(DescribeExecutionCommand)
      .rejects(new SFNServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: {}, message: 'Rate exceeded' }));

    // Act
    const act = handler({ executionArn });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
