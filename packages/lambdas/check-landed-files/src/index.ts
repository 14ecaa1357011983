import { cachedClient, checkLandedFilesEvent, createS3Client, defineLambda } from '@data-pipeline/core';
import { getTable } from '@data-pipeline/model';
import { surveyLandedFiles } from './survey';

export const handler = defineLambda({
  name: 'check-landed-files',
  event: checkLandedFilesEvent,
  run: ({ event, region, env }) => {
    // Every table is resolved before any S3 call: an unknown one fails the check without listing anything.
    const targets = event.Tables.map((entry) => ({ bucket: entry.Bucket, table: getTable(entry.Table) }));
    return surveyLandedFiles(cachedClient(createS3Client, region, env), targets);
  },
});
