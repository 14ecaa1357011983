import { ListObjectsV2Command, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordInputs } from '../../src/testing/index';

const s3Mock = mockClient(S3Client);
const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

async function listAll(): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: 'lake', Prefix: 'stage/' })) {
    for (const object of page.Contents ?? []) keys.push(object.Key ?? '');
  }
  return keys;
}

describe('Function: recordInputs', () => {
  beforeEach(() => s3Mock.reset());

  it('returns each paginated request with the token it was sent with, where the mock keeps only the last', async () => {
    // Prepare
    const listed = recordInputs(s3Mock, ListObjectsV2Command, [
      { Contents: [{ Key: 'stage/a' }], IsTruncated: true, NextContinuationToken: 't1' },
      { Contents: [{ Key: 'stage/b' }], IsTruncated: true, NextContinuationToken: 't2' },
      { Contents: [{ Key: 'stage/c' }] },
    ]);

    // Act
    const keys = await listAll();

    // Assess
    expect(keys).toEqual(['stage/a', 'stage/b', 'stage/c']);
    expect(listed).toEqual([
      { Bucket: 'lake', Prefix: 'stage/' },
      { Bucket: 'lake', Prefix: 'stage/', ContinuationToken: 't1' },
      { Bucket: 'lake', Prefix: 'stage/', ContinuationToken: 't2' },
    ]);
    expect(s3Mock.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input.ContinuationToken)).toEqual(['t2', 't2', 't2']);
  });

  it('returns the requests answered by a function of the request and its call number', async () => {
    // Prepare
    const calls: number[] = [];
    const listed = recordInputs(s3Mock, ListObjectsV2Command, (input, call) => {
      calls.push(call);
      const page = input.ContinuationToken ? Number(input.ContinuationToken.slice(1)) : 0;
      return { Contents: [{ Key: `stage/${page}` }], IsTruncated: page < 1, NextContinuationToken: page < 1 ? `t${page + 1}` : undefined };
    });

    // Act
    const keys = await listAll();

    // Assess
    expect(keys).toEqual(['stage/0', 'stage/1']);
    expect(calls).toEqual([0, 1]);
    expect(listed.map((input) => input.ContinuationToken)).toEqual([undefined, 't1']);
  });

  it('throws naming the command when asked for more pages than it was given', async () => {
    // Prepare
    const listed = recordInputs(s3Mock, ListObjectsV2Command, [{ Contents: [], IsTruncated: true, NextContinuationToken: 't1' }]);

    // Act
    const act = listAll();

    // Assess
    await expect(act).rejects.toThrow('ListObjectsV2Command: asked for page 2 of 1');
    expect(listed).toHaveLength(2);
  });
});
