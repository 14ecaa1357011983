import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient, SFNServiceException, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/index';

const sfnMock = mockClient(SFNClient);
const s3Mock = mockClient(S3Client);

const dimensionArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:data-pipeline-dev-dimension-process';
const factArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:data-pipeline-dev-fact-process';
const executionArn = `arn:aws:states:eu-west-1:123456789012:execution:data-pipeline-dev-dimension-process:x`;

function startInputs(): unknown[] {
  return sfnMock.commandCalls(StartExecutionCommand).map((call) => call.args[0].input);
}

describe('Function: submit-stepfunction handler', () => {
  beforeEach(() => {
    sfnMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-07T23:04:05.678Z'));
    sfnMock.on(StartExecutionCommand).resolves({ executionArn, startDate: new Date() });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns SUBMITTED after starting the event state machine with the whole event as input', async () => {
    // Prepare
    const event = { nextStateMachineArn: dimensionArn, ClusterId: 'j-1ABC', Tables: ['sample_country_dim'], Retry: { count: 1 } };

    // Act
    const result = await handler(event);

    // Assess
    expect(result).toEqual({ executionArn, Status: 'SUBMITTED' });
    expect(startInputs()).toEqual([
      {
        stateMachineArn: dimensionArn,
        name: expect.stringMatching(/^data-pipeline-dev-dimension-process_20250307230405_[0-9a-f]{8}$/),
        input: JSON.stringify(event),
      },
    ]);
  });

  it('returns SUBMITTED after starting the stateMachineArn of the environment when the event names none', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { stateMachineArn: factArn } });
    const event = { ClusterId: 'j-1ABC' };

    // Act
    const result = await handler(event);

    // Assess
    expect(result).toEqual({ executionArn, Status: 'SUBMITTED' });
    expect(startInputs()).toEqual([
      {
        stateMachineArn: factArn,
        name: expect.stringMatching(/^data-pipeline-dev-fact-process_20250307230405_[0-9a-f]{8}$/),
        input: '{"ClusterId":"j-1ABC"}',
      },
    ]);
  });

  it('starts the event state machine rather than the environment one when both are given', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { stateMachineArn: factArn } });

    // Act
    await handler({ nextStateMachineArn: dimensionArn });

    // Assess
    expect(startInputs()).toEqual([expect.objectContaining({ stateMachineArn: dimensionArn })]);
  });

  it('starts a version-qualified state machine ARN, naming the execution after the state machine', async () => {
    // Prepare
    const versionArn = `${dimensionArn}:3`;

    // Act
    await handler({ nextStateMachineArn: versionArn });

    // Assess
    expect(startInputs()).toEqual([
      expect.objectContaining({ stateMachineArn: versionArn, name: expect.stringMatching(/^data-pipeline-dev-dimension-process_2025/) }),
    ]);
  });

  it('asks Step Functions in the region of the state machine ARN', async () => {
    // Prepare
    const otherRegion = dimensionArn.replace('eu-west-1', 'us-east-2');

    // Act
    await handler({ nextStateMachineArn: otherRegion });

    // Assess
    const client = sfnMock.commandCalls(StartExecutionCommand)[0]?.thisValue as SFNClient;
    expect(await client.config.region()).toBe('us-east-2');
  });

  it('returns distinct execution names for two submissions in the same second', async () => {
    // Act
    await handler({ nextStateMachineArn: dimensionArn });
    await handler({ nextStateMachineArn: dimensionArn });

    // Assess
    const names = sfnMock.commandCalls(StartExecutionCommand).map((call) => call.args[0].input.name);
    expect(new Set(names).size).toBe(2);
  });

  it('throws naming nextStateMachineArn and stateMachineArn and starts nothing when neither is given', async () => {
    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EventValidationError',
      message:
        'submit-stepfunction: invalid event: nextStateMachineArn is missing and environment variable stateMachineArn is not set: one of them must name the state machine to start',
    });
    expect(sfnMock.calls()).toHaveLength(0);
  });

  it.each([
    [{ nextStateMachineArn: 42 }, 'nextStateMachineArn must be a state machine ARN'],
    [
      { nextStateMachineArn: 'data-pipeline-dev-dimension-process' },
      'nextStateMachineArn is not a state machine ARN: "data-pipeline-dev-dimension-process"',
    ],
  ])('throws naming nextStateMachineArn and starts nothing when the event is %j', async (event, problem) => {
    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EventValidationError', message: `submit-stepfunction: invalid event: ${problem}` });
    expect(sfnMock.calls()).toHaveLength(0);
  });

  it('throws EnvironmentError and starts nothing when the stateMachineArn variable is not an ARN', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { stateMachineArn: 'fact-process' } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EnvironmentError',
      message: 'environment variable stateMachineArn is not a state machine ARN: "fact-process"',
    });
    expect(sfnMock.calls()).toHaveLength(0);
  });

  it('throws ResourceNotFoundError when the state machine does not exist', async () => {
    // Prepare
    sfnMock.on(StartExecutionCommand).rejects(
      new SFNServiceException({
        name: 'StateMachineDoesNotExist',
        $fault: 'client',
        $metadata: {},
        message: 'State Machine Does Not Exist',
      }),
    );

    // Act
    const act = handler({ nextStateMachineArn: dimensionArn });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: `state machine ${dimensionArn} does not exist` });
  });

  it('throws the Step Functions error when the start is refused otherwise', async () => {
    // Prepare
    sfnMock
      .on(StartExecutionCommand)
      .rejects(new SFNServiceException({ name: 'InvalidExecutionInput', $fault: 'client', $metadata: {}, message: 'too large' }));

    // Act
    const act = handler({ nextStateMachineArn: dimensionArn });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
  });
});
