import { anyEvent, cachedClient, createS3Client, defineLambda } from '@data-pipeline/core';
import { removeClusterId } from './remove-cluster-id';

export const handler = defineLambda({
  name: 'remove-state-info-from-s3',
  event: anyEvent,
  run: ({ env }) => removeClusterId(cachedClient(createS3Client, undefined, env), env),
});
