import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NotFoundException, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const snsMock = mockClient(SNSClient);
const s3Mock = mockClient(S3Client);

const topicArn = 'arn:aws:sns:eu-west-1:123456789012:data-pipeline-dev-notifications';
const env = { TopicArn: topicArn, Subject: 'data-pipeline dev' };

function publishInputs(): unknown[] {
  return snsMock.commandCalls(PublishCommand).map((call) => call.args[0].input);
}

describe('Function: send-msg-sns handler', () => {
  beforeEach(() => {
    snsMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock, { env });
    snsMock.on(PublishCommand).resolves({ MessageId: '5f1c7a0e-0000-4000-8000-000000000001' });
  });

  it('returns the MessageId after publishing a string message with the Subject of the environment', async () => {
    // Act
    const result = await handler({ Message: 'Master workflow succeeded', executionArn: 'ignored' });

    // Assess
    expect(result).toEqual({ MessageId: '5f1c7a0e-0000-4000-8000-000000000001' });
    expect(publishInputs()).toEqual([{ TopicArn: topicArn, Subject: 'data-pipeline dev', Message: 'Master workflow succeeded' }]);
  });

  it('publishes without reading config.ini, so a failure caused by a malformed one can be reported', async () => {
    // Prepare
    s3Mock.reset();
    s3Mock.on(GetObjectCommand).rejects(new Error('config.ini must not be read'));

    // Act
    const result = await handler({ Message: 'Launch EMR Cluster failed: ConfigValidationError: [basic] emr_name is missing' });

    // Assess
    expect(result.MessageId).toBe('5f1c7a0e-0000-4000-8000-000000000001');
    expect(s3Mock.commandCalls(GetObjectCommand)).toEqual([]);
  });

  it('publishes an object message as JSON indented by 2 spaces', async () => {
    // Prepare
    const message = { Status: 'ERROR', Error: 'States.TaskFailed', Steps: ['dimension', 'fact'] };

    // Act
    await handler({ Message: message });

    // Assess
    expect(publishInputs()).toEqual([
      {
        TopicArn: topicArn,
        Subject: 'data-pipeline dev',
        Message: '{\n  "Status": "ERROR",\n  "Error": "States.TaskFailed",\n  "Steps": [\n    "dimension",\n    "fact"\n  ]\n}',
      },
    ]);
  });

  it('publishes with the event Subject, made one line, rather than the environment one', async () => {
    // Act
    await handler({ Message: 'failed', Subject: 'Master FAILED\nin fact-process' });

    // Assess
    expect(publishInputs()).toEqual([{ TopicArn: topicArn, Subject: 'Master FAILED in fact-process', Message: 'failed' }]);
  });

  it('publishes a subject cut to 100 characters when the event Subject is longer', async () => {
    // Prepare
    const long = `Master workflow FAILED: ${'x'.repeat(200)}`;

    // Act
    await handler({ Message: 'failed', Subject: long });

    // Assess
    expect(publishInputs()).toEqual([{ TopicArn: topicArn, Subject: `${long.slice(0, 97)}...`, Message: 'failed' }]);
  });

  it('publishes without a subject when neither the event nor the environment has one', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, Subject: '' } });

    // Act
    await handler({ Message: 'hello' });

    // Assess
    expect(publishInputs()).toEqual([{ TopicArn: topicArn, Message: 'hello' }]);
  });

  it('asks SNS in the region of the topic ARN', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, TopicArn: topicArn.replace('eu-west-1', 'us-east-1') } });

    // Act
    await handler({ Message: 'hello' });

    // Assess
    const client = snsMock.commandCalls(PublishCommand)[0]?.thisValue as SNSClient;
    expect(await client.config.region()).toBe('us-east-1');
  });

  it.each([
    [{}, 'Message is missing'],
    [{ Message: '' }, 'Message must not be empty'],
    [{ Message: 42 }, 'Message must be a string or an object'],
    [{ Message: 'hi', Subject: 7 }, 'Subject must be a string'],
  ])('throws naming the field and publishes nothing when the event is %j', async (event, problem) => {
    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EventValidationError', message: `send-msg-sns: invalid event: ${problem}` });
    expect(snsMock.calls()).toHaveLength(0);
  });

  it.each([
    ['', 'environment variable TopicArn is required but not set'],
    ['data-pipeline-dev-notifications', 'environment variable TopicArn is not an SNS topic ARN: "data-pipeline-dev-notifications"'],
  ])('throws EnvironmentError and publishes nothing when TopicArn is %j', async (value, message) => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { ...env, TopicArn: value } });

    // Act
    const act = handler({ Message: 'hello' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EnvironmentError', message });
    expect(snsMock.calls()).toHaveLength(0);
  });

  it('throws ResourceNotFoundError when the topic does not exist', async () => {
    // Prepare
    snsMock.on(PublishCommand).rejects(new NotFoundException({ $metadata: {}, message: 'Topic does not exist' }));

    // Act
    const act = handler({ Message: 'hello' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: `SNS topic ${topicArn} does not exist` });
  });
});
