import { cachedClient, clusterEvent, createEmrClient, defineLambda } from '@data-pipeline/core';
import { addWorkers } from './add-workers';

export const handler = defineLambda({
  name: 'add-worker-instances-emr',
  event: clusterEvent,
  run: ({ event, config, region, logger }) => addWorkers(cachedClient(createEmrClient, region), event.ClusterId, config, logger),
});
