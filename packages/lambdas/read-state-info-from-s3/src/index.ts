import { anyEvent, cachedClient, createS3Client, defineLambda } from '@data-pipeline/core';
import { recordedClusterId } from './recorded-cluster-id';

export const handler = defineLambda({
  name: 'read-state-info-from-s3',
  event: anyEvent,
  run: ({ env }) => recordedClusterId(cachedClient(createS3Client, undefined, env), env),
});
