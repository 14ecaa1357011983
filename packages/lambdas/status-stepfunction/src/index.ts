import { cachedClient, createSfnClient, defineLambda, executionEvent } from '@data-pipeline/core';
import { executionStatus } from './execution-status';

export const handler = defineLambda({
  name: 'status-stepfunction',
  event: executionEvent,
  // The execution lives in the region its ARN names.
  run: ({ event, env }) => executionStatus(cachedClient(createSfnClient, event.executionArn.split(':')[3], env), event.executionArn),
});
