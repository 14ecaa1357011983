import { cachedClient, clusterEvent, createEmrClient, defineLambda } from '@data-pipeline/core';
import { terminateCluster } from './terminate-cluster';

export const handler = defineLambda({
  name: 'terminate-emr',
  event: clusterEvent,
  run: ({ event, region }) => terminateCluster(cachedClient(createEmrClient, region), event.ClusterId),
});
