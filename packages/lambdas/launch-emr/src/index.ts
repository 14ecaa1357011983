import { anyEvent, cachedClient, createEmrClient, defineLambda } from '@data-pipeline/core';
import { launchCluster } from './launch-cluster';

export const handler = defineLambda({
  name: 'launch-emr',
  event: anyEvent,
  run: ({ config, region, logger }) => launchCluster(cachedClient(createEmrClient, region), config, logger),
});
