import { anyEvent, cachedClient, createEmrClient, defineLambda } from '@data-pipeline/core';
import { checkDuplicateCluster } from './check-duplicate';

export const handler = defineLambda({
  name: 'check-duplicate-emr',
  event: anyEvent,
  run: ({ config, region, logger }) => checkDuplicateCluster(cachedClient(createEmrClient, region), config.basic.emr_name, logger),
});
