import { cachedClient, createS3Client, defineLambda, stageLandedFilesEvent } from '@data-pipeline/core';
import { getTable } from '@data-pipeline/model';
import { stageLandedFiles } from './stage-files';

/** A run id when the workflow passes none: the time, as a folder name that sorts. */
function defaultRunId(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** The run's quarantine folder name: an execution name may hold characters a folder name should not. */
export function runFolder(runId: string): string {
  return runId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) || defaultRunId();
}

export const handler = defineLambda({
  name: 'stage-landed-files',
  event: stageLandedFilesEvent,
  run: ({ event, region, env }) =>
    stageLandedFiles({
      s3: cachedClient(createS3Client, region, env),
      bucket: event.Bucket,
      table: getTable(event.Table),
      runId: runFolder(event.RunId ?? defaultRunId()),
    }),
});
