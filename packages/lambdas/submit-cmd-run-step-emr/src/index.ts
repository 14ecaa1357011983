import { cachedClient, createEmrClient, defineLambda } from '@data-pipeline/core';
import { LAMBDA_NAME, submitStepEvent } from './event';
import { submitStep } from './submit-step';

export const handler = defineLambda({
  name: LAMBDA_NAME,
  event: submitStepEvent,
  run: ({ event, region, logger }) => submitStep(cachedClient(createEmrClient, region), event.ClusterId, event.command, logger),
});
