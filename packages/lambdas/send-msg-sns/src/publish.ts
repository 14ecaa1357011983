import { PublishCommand, type PublishCommandInput, type SNSClient } from '@aws-sdk/client-sns';
import { type Env, EnvironmentError, optionalEnv, ResourceNotFoundError, requireEnv, UnexpectedResponseError } from '@data-pipeline/core';
import { messageText } from './message';
import { sanitizeSubject } from './subject';

export const TOPIC_ARN_PATTERN = /^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}(\.fifo)?$/;

export interface Notification {
  Message: string | Record<string, unknown>;
  Subject?: string;
}

export interface PublishResult {
  MessageId: string;
}

/** The topic of the `TopicArn` variable; a clear error when it is missing or not an SNS topic ARN. */
export function topicArnFromEnv(env: Env): string {
  const topicArn = requireEnv('TopicArn', env);
  if (!TOPIC_ARN_PATTERN.test(topicArn)) {
    throw new EnvironmentError('TopicArn', `environment variable TopicArn is not an SNS topic ARN: ${JSON.stringify(topicArn)}`);
  }
  return topicArn;
}

/** The Publish request: the event's subject, else the `Subject` variable, made to fit SNS's rules. */
export function publishInput(topicArn: string, notification: Notification, env: Env): PublishCommandInput {
  const input: PublishCommandInput = { TopicArn: topicArn, Message: messageText(notification.Message) };
  const subject = sanitizeSubject(notification.Subject) ?? sanitizeSubject(optionalEnv('Subject', env));
  if (subject !== undefined) input.Subject = subject;
  return input;
}

export async function publish(sns: SNSClient, input: PublishCommandInput): Promise<PublishResult> {
  let messageId: string | undefined;
  try {
    messageId = (await sns.send(new PublishCommand(input))).MessageId;
  } catch (error) {
    if ((error as Error).name === 'NotFoundException' || (error as Error).name === 'NotFound') {
      throw new ResourceNotFoundError(`SNS topic ${input.TopicArn} does not exist`, { cause: error });
    }
    throw error;
  }
  if (!messageId) throw new UnexpectedResponseError(`Publish to ${input.TopicArn} answered no MessageId`);
  return { MessageId: messageId };
}
