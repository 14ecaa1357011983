import { DescribeStepCommand, EMRClient, EMRServiceException, type StepState } from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

const EVENT = { ClusterId: 'j-1ABC', StepId: 's-1STEP' };

function step(state: StepState | string) {
  return { Step: { Id: 's-1STEP', Name: 'Load sample_country_dim', Status: { State: state as StepState } } };
}

describe('Function: status-step-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it.each([
    ['PENDING', 'SUBMITTED'],
    ['CANCEL_PENDING', 'SUBMITTED'],
    ['RUNNING', 'SUBMITTED'],
    ['COMPLETED', 'SUCCESS'],
    ['FAILED', 'ERROR'],
    ['CANCELLED', 'ERROR'],
    ['INTERRUPTED', 'ERROR'],
  ] as const)('returns, when the step is %s, Status %s', async (state, expected) => {
    // Prepare
    emrMock.on(DescribeStepCommand).resolves(step(state));

    // Act
    const result = await handler({ ...EVENT, Status: 'SUBMITTED', NextStepNameAndCmd: { Step_Name: 'x', Cmd_Run: 'y' } });

    // Assess
    expect(result).toEqual({ ...EVENT, Status: expected });
    expect(emrMock.commandCalls(DescribeStepCommand).map((call) => call.args[0].input)).toEqual([EVENT]);
  });

  it('throws ResourceNotFoundError naming cluster and step when EMR does not know them', async () => {
    // Prepare
    emrMock
      .on(DescribeStepCommand)
      .rejects(
        new EMRServiceException({ name: 'InvalidRequestException', $fault: 'client', $metadata: {}, message: 'Cluster id is not valid.' }),
      );

    // Act
    const act = handler({ ClusterId: 'j-UNKNOWN', StepId: 's-1STEP' });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ResourceNotFoundError',
      message: 'EMR cluster j-UNKNOWN does not exist or has no step s-1STEP',
    });
  });

  it('throws the EMR error when EMR cannot be asked', async () => {
    // Prepare
    emrMock
      .on(DescribeStepCommand)
      .rejects(new EMRServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: {}, message: 'Rate exceeded' }));

    // Act
    const act = handler(EVENT);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it.each([
    [step('SKIPPED'), 'SKIPPED'],
    [{ Step: { Id: 's-1STEP' } }, '(none)'],
    [{}, '(none)'],
  ])('throws UnexpectedResponseError when EMR answers %j', async (answer, shown) => {
    // Prepare
    emrMock.on(DescribeStepCommand).resolves(answer);

    // Act
    const act = handler(EVENT);

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      message: `EMR step s-1STEP of cluster j-1ABC is in an unknown state: ${shown}`,
    });
  });

  it.each([
    [{ StepId: 's-1STEP' }, 'ClusterId is missing'],
    [{ ClusterId: 'j-1ABC' }, 'StepId is missing'],
    [{ ClusterId: 'j-1ABC', StepId: 17 }, 'StepId must be an EMR step id (s-…)'],
    [{ ClusterId: 'j-1ABC', StepId: 'step-1' }, 'StepId is not an EMR step id (s-…): "step-1"'],
  ])('throws naming the field and calls nothing when the event is %j', async (event, problem) => {
    // Prepare
    emrMock.on(DescribeStepCommand).resolves(step('COMPLETED'));

    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EventValidationError', message: `status-step-emr: invalid event: ${problem}` });
    expect(emrMock.calls()).toHaveLength(0);
  });
});
