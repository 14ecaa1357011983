import { cachedClient, createEmrClient, defineLambda, workerResizeEvent } from '@data-pipeline/core';
import { resizeStatus } from './resize-status';

export const handler = defineLambda({
  name: 'status-add-worker-instances-emr',
  event: workerResizeEvent,
  run: ({ event, region, logger }) => resizeStatus(cachedClient(createEmrClient, region), event, logger),
});
