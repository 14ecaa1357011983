import { cachedClient, createEmrClient, defineLambda, stepEvent } from '@data-pipeline/core';
import { stepStatus } from './step-status';

export const handler = defineLambda({
  name: 'status-step-emr',
  event: stepEvent,
  run: ({ event, region, logger }) => stepStatus(cachedClient(createEmrClient, region), event.ClusterId, event.StepId, logger),
});
