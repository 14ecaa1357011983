import { cachedClient, createSnsClient, defineLambda, messageEvent, regionOfArn } from '@data-pipeline/core';
import * as z from 'zod';
import { publish, publishInput, topicArnFromEnv } from './publish';

/** Core's `messageEvent`, but any Subject string is accepted: it is made to fit SNS's rules rather than refused. */
const notificationEvent = z.looseObject({
  Message: messageEvent.shape.Message,
  Subject: z.string({ error: 'must be a string' }).optional(),
});

export const handler = defineLambda({
  name: 'send-msg-sns',
  event: notificationEvent,
  run: ({ event, env }) => {
    const topicArn = topicArnFromEnv(env);
    // The topic lives in the region its ARN names.
    return publish(cachedClient(createSnsClient, regionOfArn(topicArn), env), publishInput(topicArn, event, env));
  },
});
