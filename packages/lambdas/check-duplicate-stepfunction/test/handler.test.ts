import { S3Client } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  type ExecutionListItem,
  ListExecutionsCommand,
  type ListExecutionsCommandInput,
  ListStateMachinesCommand,
  type ListStateMachinesCommandInput,
  SFNClient,
  SFNServiceException,
} from '@aws-sdk/client-sfn';
import { givenLambdaEnvironment, recordInputs } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const sfnMock = mockClient(SFNClient);
const s3Mock = mockClient(S3Client);

const account = 'arn:aws:states:eu-west-1:123456789012';
const masterName = 'data-pipeline-dev-master';
const masterArn = `${account}:stateMachine:${masterName}`;
const executionArn = (name: string, machine = masterName) => `${account}:execution:${machine}:${name}`;

/** The inputs as sent, page by page. */
let sent: { listStateMachines: ListStateMachinesCommandInput[]; listExecutions: ListExecutionsCommandInput[] };

/** ListStateMachines answers these pages, chained by next tokens `m1`, `m2`, … */
function givenStateMachines(...pages: string[][]): void {
  sent.listStateMachines = recordInputs(sfnMock, ListStateMachinesCommand, (input) => {
    const page = input.nextToken ? Number(input.nextToken.slice(1)) : 0;
    const names = pages[page] ?? [];
    return {
      stateMachines: names.map((name) => ({
        name,
        stateMachineArn: `${account}:stateMachine:${name}`,
        type: 'STANDARD',
        creationDate: new Date(),
      })),
      nextToken: page + 1 < pages.length ? `m${page + 1}` : undefined,
    };
  });
}

/** ListExecutions answers these pages of RUNNING executions, chained by next tokens `e1`, `e2`, … */
function givenRunning(...pages: ExecutionListItem[][]): void {
  sent.listExecutions = recordInputs(sfnMock, ListExecutionsCommand, (input) => {
    const page = input.nextToken ? Number(input.nextToken.slice(1)) : 0;
    return { executions: pages[page] ?? [], nextToken: page + 1 < pages.length ? `e${page + 1}` : undefined };
  });
}

function running(name: string, start: string, machine = masterName): ExecutionListItem {
  return {
    executionArn: executionArn(name, machine),
    stateMachineArn: `${account}:stateMachine:${machine}`,
    name,
    status: 'RUNNING',
    startDate: new Date(start),
  };
}

const older = running('master_20250307060000_aaaaaaaa', '2025-03-07T06:00:00Z');
const newer = running('master_20250307060500_bbbbbbbb', '2025-03-07T06:05:00Z');

describe('Function: check-duplicate-stepfunction handler', () => {
  beforeEach(() => {
    sfnMock.reset();
    s3Mock.reset();
    sent = { listStateMachines: [], listExecutions: [] };
    givenLambdaEnvironment(s3Mock);
  });

  describe('without currentExecutionArn (the original rule: more than one RUNNING)', () => {
    it('returns RUNNING when two executions are running, finding the name on the second page of state machines', async () => {
      // Prepare
      givenStateMachines(['data-pipeline-dev-dimension-process'], ['data-pipeline-dev-fact-process', masterName]);
      givenRunning([newer], [older]);

      // Act
      const result = await handler({ currentStepName: masterName });

      // Assess
      expect(result).toEqual({ Status: 'RUNNING' });
      expect(sent.listStateMachines).toEqual([{}, { nextToken: 'm1' }]);
      expect(sent.listExecutions).toEqual([
        { stateMachineArn: masterArn, statusFilter: 'RUNNING' },
        { stateMachineArn: masterArn, statusFilter: 'RUNNING', nextToken: 'e1' },
      ]);
    });

    it('returns NOTRUNNING when only the caller is running', async () => {
      // Prepare
      givenRunning([older]);

      // Act
      const result = await handler({ currentStepName: masterArn });

      // Assess
      expect(result).toEqual({ Status: 'NOTRUNNING' });
      expect(sfnMock.commandCalls(ListStateMachinesCommand)).toHaveLength(0);
      expect(sent.listExecutions).toEqual([{ stateMachineArn: masterArn, statusFilter: 'RUNNING' }]);
    });

    it('returns NOTRUNNING when nothing is running', async () => {
      // Prepare
      givenRunning([]);

      // Act
      const result = await handler({ currentStepName: masterArn });

      // Assess
      expect(result).toEqual({ Status: 'NOTRUNNING' });
    });

    it('lists the executions of every version when given a version-qualified ARN', async () => {
      // Prepare
      givenRunning([older]);

      // Act
      await handler({ currentStepName: `${masterArn}:4` });

      // Assess
      expect(sent.listExecutions).toEqual([{ stateMachineArn: masterArn, statusFilter: 'RUNNING' }]);
    });

    it('checks the state machine of the currentStepName variable when the event names none', async () => {
      // Prepare
      givenLambdaEnvironment(s3Mock, { env: { currentStepName: masterName } });
      givenStateMachines([masterName]);
      givenRunning([older, newer]);

      // Act
      const result = await handler({ ClusterId: 'j-1ABC' });

      // Assess
      expect(result).toEqual({ Status: 'RUNNING' });
      expect(sent.listExecutions).toEqual([{ stateMachineArn: masterArn, statusFilter: 'RUNNING' }]);
    });

    it('looks a name up in the Lambda region and an ARN up in its own region', async () => {
      // Prepare
      givenLambdaEnvironment(s3Mock, { env: { AWS_REGION: 'eu-central-1' } });
      givenStateMachines([masterName]);
      givenRunning([]);

      // Act
      await handler({ currentStepName: masterName });
      await handler({ currentStepName: masterArn.replace('eu-west-1', 'us-west-2') });

      // Assess
      const byName = sfnMock.commandCalls(ListStateMachinesCommand)[0]?.thisValue as SFNClient;
      const byArn = sfnMock.commandCalls(ListExecutionsCommand)[1]?.thisValue as SFNClient;
      expect(await byName.config.region()).toBe('eu-central-1');
      expect(await byArn.config.region()).toBe('us-west-2');
    });
  });

  describe('with currentExecutionArn (the first-started execution continues)', () => {
    it('returns RUNNING for the later execution when an earlier one is running', async () => {
      // Prepare
      givenRunning([newer, older]);

      // Act
      const result = await handler({ currentStepName: masterArn, currentExecutionArn: newer.executionArn });

      // Assess
      expect(result).toEqual({ Status: 'RUNNING' });
    });

    it('returns NOTRUNNING for the earliest execution even when later ones are running', async () => {
      // Prepare
      givenRunning([newer], [older]);

      // Act
      const result = await handler({ currentStepName: masterArn, currentExecutionArn: older.executionArn });

      // Assess
      expect(result).toEqual({ Status: 'NOTRUNNING' });
      expect(sfnMock.commandCalls(DescribeExecutionCommand)).toHaveLength(0);
    });

    it('returns NOTRUNNING for exactly one of two executions started at the same moment', async () => {
      // Prepare
      const x = running('master_x', '2025-03-07T06:00:00Z');
      const y = running('master_y', '2025-03-07T06:00:00Z');
      givenRunning([y, x]);

      // Act
      const forX = await handler({ currentStepName: masterArn, currentExecutionArn: x.executionArn });
      const forY = await handler({ currentStepName: masterArn, currentExecutionArn: y.executionArn });

      // Assess
      expect([forX, forY]).toEqual([{ Status: 'NOTRUNNING' }, { Status: 'RUNNING' }]);
    });

    it('returns the status by the start date DescribeExecution gives when the listing does not show the caller yet', async () => {
      // Prepare
      givenRunning([newer]);
      const current = executionArn('master_20250307060100_cccccccc');
      sfnMock.on(DescribeExecutionCommand).resolves({
        executionArn: current,
        stateMachineArn: masterArn,
        status: 'RUNNING',
        startDate: new Date('2025-03-07T06:01:00Z'),
      });

      // Act
      const result = await handler({ currentStepName: masterArn, currentExecutionArn: current });

      // Assess
      expect(result).toEqual({ Status: 'NOTRUNNING' });
      expect(sfnMock.commandCalls(DescribeExecutionCommand).map((call) => call.args[0].input)).toEqual([{ executionArn: current }]);
    });

    it('checks the state machine of currentExecutionArn when nothing else names one', async () => {
      // Prepare
      givenRunning([older, newer]);

      // Act
      const result = await handler({ currentExecutionArn: older.executionArn });

      // Assess
      expect(result).toEqual({ Status: 'NOTRUNNING' });
      expect(sent.listExecutions).toEqual([{ stateMachineArn: masterArn, statusFilter: 'RUNNING' }]);
    });

    it('throws naming currentExecutionArn and lists nothing when it belongs to another state machine', async () => {
      // Act
      const act = handler({ currentStepName: masterArn, currentExecutionArn: executionArn('x', 'data-pipeline-dev-fact-process') });

      // Assess
      await expect(act).rejects.toMatchObject({
        name: 'EventValidationError',
        message: `check-duplicate-stepfunction: invalid event: currentExecutionArn is an execution of data-pipeline-dev-fact-process, not of the state machine checked (${masterArn})`,
      });
      expect(sfnMock.commandCalls(ListExecutionsCommand)).toHaveLength(0);
    });
  });

  it('throws naming currentStepName and the variable and calls nothing when neither is given', async () => {
    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EventValidationError',
      message:
        'check-duplicate-stepfunction: invalid event: currentStepName is missing and environment variable currentStepName is not set: one of them must name the state machine to check',
    });
    expect(sfnMock.calls()).toHaveLength(0);
  });

  it.each([
    [{ currentStepName: 12 }, 'currentStepName must be a state machine name or ARN'],
    [{ currentStepName: '' }, 'currentStepName must not be empty'],
    [{ currentStepName: executionArn('x') }, `currentStepName is not a state machine ARN: "${executionArn('x')}"`],
    [{ currentStepName: masterArn, currentExecutionArn: masterArn }, `currentExecutionArn is not an execution ARN: "${masterArn}"`],
  ])('throws naming the field and calls nothing when the event is %j', async (event, problem) => {
    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EventValidationError',
      message: `check-duplicate-stepfunction: invalid event: ${problem}`,
    });
    expect(sfnMock.calls()).toHaveLength(0);
  });

  it('throws EnvironmentError and calls nothing when the currentStepName variable is a malformed ARN', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { currentStepName: 'arn:aws:states:master' } });

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EnvironmentError',
      message: 'environment variable currentStepName is not a state machine ARN: "arn:aws:states:master"',
    });
    expect(sfnMock.calls()).toHaveLength(0);
  });

  it('throws ResourceNotFoundError when no state machine has the name', async () => {
    // Prepare
    givenStateMachines(['data-pipeline-dev-fact-process'], ['data-pipeline-dev-dimension-process']);

    // Act
    const act = handler({ currentStepName: 'data-pipeline-dev-mastr' });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ResourceNotFoundError',
      message: 'no state machine named "data-pipeline-dev-mastr" in eu-west-1',
    });
    expect(sfnMock.commandCalls(ListExecutionsCommand)).toHaveLength(0);
  });

  it('throws ResourceNotFoundError when the state machine ARN does not exist', async () => {
    // Prepare
    sfnMock
      .on(ListExecutionsCommand)
      .rejects(new SFNServiceException({ name: 'StateMachineDoesNotExist', $fault: 'client', $metadata: {}, message: 'does not exist' }));

    // Act
    const act = handler({ currentStepName: masterArn });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: `state machine ${masterArn} does not exist` });
  });
});
