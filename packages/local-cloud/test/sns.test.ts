import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTopicCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpService, SnsService } from '../src/index';

describe('Class: SnsService', () => {
  let root: string;
  let service: SnsService;
  let http: HttpService;
  let sns: SNSClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sns-'));
    service = new SnsService({ region: 'eu-west-1', account: '000000000000', messagesFile: join(root, 'sns', 'messages.jsonl') });
    http = await service.start();
    sns = new SNSClient({ region: 'eu-west-1', endpoint: http.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });

  afterAll(async () => {
    await service.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes to a topic and keeps the message readable, across a restart of the service', async () => {
    // Prepare
    const { TopicArn } = await sns.send(
      new CreateTopicCommand({ Name: 'data-pipeline-local-notifications', Attributes: { DisplayName: 'data-pipeline' } }),
    );

    // Act
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Subject: 'Master succeeded', Message: 'The pipeline finished.' }));
    const restarted = new SnsService({ region: 'eu-west-1', account: '000000000000', messagesFile: join(root, 'sns', 'messages.jsonl') });
    const over = await fetch(`${http.endpoint}/_local/messages`).then((response) => response.json());

    // Assess
    expect(TopicArn).toBe('arn:aws:sns:eu-west-1:000000000000:data-pipeline-local-notifications');
    expect(MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(restarted.messages()).toEqual([
      { MessageId, TopicArn, Subject: 'Master succeeded', Message: 'The pipeline finished.', Timestamp: expect.any(String) },
    ]);
    expect(over).toEqual(restarted.messages());
  });

  it('subscribes email endpoints pending confirmation and reports topic attributes', async () => {
    // Prepare
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));

    // Act
    const subscribed = await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'ops@example.com' }));
    const subscriptions = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    const attributes = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    const topics = await sns.send(new ListTopicsCommand({}));

    // Assess
    expect(subscribed.SubscriptionArn).toBe('pending confirmation');
    expect(subscriptions.Subscriptions).toEqual([
      { TopicArn, Protocol: 'email', SubscriptionArn: 'pending confirmation', Owner: '000000000000', Endpoint: 'ops@example.com' },
    ]);
    expect(attributes.Attributes).toMatchObject({ TopicArn, SubscriptionsPending: '1' });
    expect(topics.Topics?.map((topic) => topic.TopicArn)).toContain(TopicArn);
  });

  it('answers NotFound for an unknown topic and InvalidParameter for a subject with a line break', async () => {
    // Prepare
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'strict' }));

    // Act
    const unknown = await sns.send(new PublishCommand({ TopicArn: `${TopicArn}-nope`, Message: 'x' })).catch((error: Error) => error);
    const badSubject = await sns.send(new PublishCommand({ TopicArn, Subject: 'two\nlines', Message: 'x' })).catch((error: Error) => error);

    // Assess
    expect((unknown as Error).name).toBe('NotFoundException');
    expect((unknown as Error).message).toBe('Topic does not exist');
    expect((badSubject as Error).name).toBe('InvalidParameterException');
  });
});
