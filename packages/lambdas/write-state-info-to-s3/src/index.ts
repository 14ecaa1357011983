import { cachedClient, clusterEvent, createS3Client, defineLambda } from '@data-pipeline/core';
import { recordClusterId } from './record-cluster-id';

export const handler = defineLambda({
  name: 'write-state-info-to-s3',
  event: clusterEvent,
  run: ({ event, env }) => recordClusterId(cachedClient(createS3Client, undefined, env), event.ClusterId, env),
});
