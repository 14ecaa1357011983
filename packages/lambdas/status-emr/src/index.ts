import { cachedClient, clusterEvent, createEmrClient, defineLambda } from '@data-pipeline/core';
import { clusterStatus } from './cluster-status';

export const handler = defineLambda({
  name: 'status-emr',
  event: clusterEvent,
  run: ({ event, region }) => clusterStatus(cachedClient(createEmrClient, region), event.ClusterId),
});
