import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/index';

const s3Mock = mockClient(S3Client);

describe('Function: listFiles', () => {
  beforeEach(() => s3Mock.reset());

  it('returns the files of every page with size and time, leaving out folder markers', async () => {
    // Prepare
    const time = new Date('2026-12-01T10:00:00Z');
    s3Mock
      .on(ListObjectsV2Command)
      .resolvesOnce({
        Contents: [{ Key: 'landing/t/' }, { Key: 'landing/t/a.csv', Size: 3, LastModified: time }],
        IsTruncated: true,
        NextContinuationToken: 'next',
      })
      .resolves({ Contents: [{ Key: 'landing/t/b.csv' }] });

    // Act
    const files = await listFiles(new S3Client({ region: 'eu-west-1' }), 'work-area', 'landing/t/');

    // Assess
    expect(files).toEqual([
      { key: 'landing/t/a.csv', size: 3, lastModified: time },
      { key: 'landing/t/b.csv', size: 0, lastModified: new Date(0) },
    ]);
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(2);
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input).toMatchObject({ Bucket: 'work-area', Prefix: 'landing/t/' });
  });
});
