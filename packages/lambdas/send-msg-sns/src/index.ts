import { cachedClient, createSnsClient, defineConfigFreeLambda, messageEvent, regionOfArn } from '@data-pipeline/core';
import { publish, publishInput, topicArnFromEnv } from './publish';

// It reads no config.ini: a failure caused by a malformed one can still be reported.
export const handler = defineConfigFreeLambda({
  name: 'send-msg-sns',
  event: messageEvent,
  run: ({ event, env }) => {
    const topicArn = topicArnFromEnv(env);
    // The topic lives in the region its ARN names.
    return publish(cachedClient(createSnsClient, regionOfArn(topicArn), env), publishInput(topicArn, event, env));
  },
});
