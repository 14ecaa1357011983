import { cachedClient, createSnsClient, defineLambda, messageEvent, regionOfArn } from '@data-pipeline/core';
import { publish, publishInput, topicArnFromEnv } from './publish';

export const handler = defineLambda({
  name: 'send-msg-sns',
  event: messageEvent,
  run: ({ event, env }) => {
    const topicArn = topicArnFromEnv(env);
    // The topic lives in the region its ARN names.
    return publish(cachedClient(createSnsClient, regionOfArn(topicArn), env), publishInput(topicArn, event, env));
  },
});
