import { anyEvent, cachedClient, createS3Client, defineLambda } from '@data-pipeline/core';
import { deleteFolder } from './delete-folder';
import { targetFolderFromEnv } from './target-folder';

export const handler = defineLambda({
  name: 'delete-all-objects-in-s3folder',
  event: anyEvent,
  run: ({ env }) => deleteFolder(cachedClient(createS3Client, undefined, env), targetFolderFromEnv(env)),
});
