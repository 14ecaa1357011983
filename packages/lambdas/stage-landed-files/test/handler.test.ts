import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { EventValidationError } from '@data-pipeline/core';
import { givenLambdaEnvironment, s3TextBody } from '@data-pipeline/core/testing';
import { getTable, stagedFileKey, tablePrefixes } from '@data-pipeline/model';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileMoveError, FileTooLargeError } from '../src/errors';
import { handler } from '../src/index';
import { MAX_COPY_BYTES } from '../src/objects';

const s3Mock = mockClient(S3Client);
const bucket = 'work-area';
const fact = getTable('sample_country_tx_fact');
const prefixes = tablePrefixes(fact);
const GOOD = 'tx_id,country_id,tx_amount,date_id\n1,1,10.00,20240101\n';

/** Landing holds `landing`; staging is empty, then (listed again after the moves) holds what was moved. */
function givenObjects(landing: Array<{ name: string; size?: number }>): void {
  s3Mock.on(ListObjectsV2Command, { Prefix: prefixes.landing }).resolves({
    Contents: landing.map(({ name, size }) => ({ Key: `${prefixes.landing}${name}`, Size: size ?? GOOD.length })),
  });
  s3Mock
    .on(ListObjectsV2Command, { Prefix: prefixes.stage })
    .resolvesOnce({ Contents: [] })
    .resolves({ Contents: landing.map(({ name }) => ({ Key: stagedFileKey(fact, name), Size: GOOD.length })) });
}

describe('Function: stage-landed-files handler', () => {
  beforeEach(() => {
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
    s3Mock.on(CopyObjectCommand).resolves({});
    s3Mock.on(DeleteObjectCommand).resolves({});
    s3Mock.on(PutObjectCommand).resolves({});
  });

  it('sends a copy with an encoded CopySource, then the delete of the landed file, when the file fits', async () => {
    // Prepare
    givenObjects([{ name: 'day 1+2.csv' }]);
    s3Mock.on(GetObjectCommand, { Key: `${prefixes.landing}day 1+2.csv` }).resolves({ Body: s3TextBody(GOOD) } as never);

    // Act
    const result = await handler({ Bucket: bucket, Table: fact.name, RunId: 'r1' });

    // Assess
    expect(s3Mock.commandCalls(CopyObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: bucket, Key: stagedFileKey(fact, 'day 1+2.csv'), CopySource: `${bucket}/${prefixes.landing}day%201%2B2.csv` },
    ]);
    expect(s3Mock.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: bucket, Key: `${prefixes.landing}day 1+2.csv` },
    ]);
    expect(s3Mock.commandCalls(PutObjectCommand).filter((call) => call.args[0].input.Key?.includes('quarantine'))).toEqual([]);
    expect(result).toMatchObject({ Status: 'STAGED', Moved: 1 });
  });

  it('sends no HeadObject to the archive when staging is empty', async () => {
    // Prepare
    givenObjects([]);

    // Act
    const result = await handler({ Bucket: bucket, Table: fact.name });

    // Assess
    expect(s3Mock.commandCalls(HeadObjectCommand)).toEqual([]);
    expect(result.Status).toBe('EMPTY');
  });

  it('throws EventValidationError naming Table before any S3 call but config.ini when the event has none', async () => {
    // Act
    const act = handler({ Bucket: bucket });

    // Assess
    await expect(act).rejects.toThrow(EventValidationError);
    await expect(handler({ Bucket: bucket })).rejects.toThrow(/Table/);
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toEqual([]);
  });

  it('throws UnknownTableError naming the declared tables when the table is not declared', async () => {
    // Act
    const act = handler({ Bucket: bucket, Table: 'no_such_table' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'UnknownTableError', message: expect.stringContaining('sample_country_dim') });
  });

  it('throws FileTooLargeError and copies nothing when a landed file is over 5 GiB', async () => {
    // Prepare
    givenObjects([{ name: 'huge.csv', size: MAX_COPY_BYTES + 1 }]);
    s3Mock.on(GetObjectCommand, { Key: `${prefixes.landing}huge.csv` }).resolves({ Body: s3TextBody(GOOD) } as never);

    // Act
    const act = handler({ Bucket: bucket, Table: fact.name });

    // Assess
    await expect(act).rejects.toThrow(FileTooLargeError);
    expect(s3Mock.commandCalls(CopyObjectCommand)).toEqual([]);
  });

  it('throws FileMoveError and deletes nothing when the copy fails', async () => {
    // Prepare
    givenObjects([{ name: 'a.csv' }]);
    s3Mock.on(GetObjectCommand, { Key: `${prefixes.landing}a.csv` }).resolves({ Body: s3TextBody(GOOD) } as never);
    s3Mock.on(CopyObjectCommand).rejects(new Error('SlowDown'));

    // Act
    const act = handler({ Bucket: bucket, Table: fact.name });

    // Assess
    await expect(act).rejects.toThrow(FileMoveError);
    expect(s3Mock.commandCalls(DeleteObjectCommand)).toEqual([]);
  });
});
