import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { EventValidationError } from '@data-pipeline/core';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { getTable, tablePrefixes } from '@data-pipeline/model';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ZoneListingError } from '../src/errors';
import { handler } from '../src/index';

const s3Mock = mockClient(S3Client);
const bucket = 'work-area';
const dimension = getTable('sample_country_dim');
const fact = getTable('sample_country_tx_fact');
const tables = [dimension, fact].map((table) => ({ Bucket: bucket, Table: table.name }));

/** Objects under a prefix: `files` data files and, as deployment leaves it, the folder marker. */
function givenListing(prefix: string, files: number): void {
  const Contents = [
    { Key: prefix, Size: 0 },
    ...Array.from({ length: files }, (_, index) => ({ Key: `${prefix}part-${index}.csv`, Size: 10 })),
  ];
  s3Mock.on(ListObjectsV2Command, { Bucket: bucket, Prefix: prefix }).resolves({ Contents });
}

function listedPrefixes(): Array<string | undefined> {
  return s3Mock.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input.Prefix);
}

describe('Function: check-landed-files handler', () => {
  beforeEach(() => {
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
    for (const table of [dimension, fact]) {
      givenListing(tablePrefixes(table).landing, 0);
      givenListing(tablePrefixes(table).stage, 0);
    }
  });

  it('returns FOUND with the files per table when a table has files landed, listing landing then staging of each table', async () => {
    // Prepare
    givenListing(tablePrefixes(fact).landing, 2);

    // Act
    const result = await handler({ Tables: tables });

    // Assess
    expect(result).toEqual({
      Status: 'FOUND',
      Landed: 2,
      Staged: 0,
      Tables: [
        { Table: dimension.name, Landed: 0, Staged: 0 },
        { Table: fact.name, Landed: 2, Staged: 0 },
      ],
    });
    expect(listedPrefixes()).toEqual([
      tablePrefixes(dimension).landing,
      tablePrefixes(dimension).stage,
      tablePrefixes(fact).landing,
      tablePrefixes(fact).stage,
    ]);
  });

  it('returns FOUND when only staging holds files (a batch an earlier run staged and did not finish)', async () => {
    // Prepare
    givenListing(tablePrefixes(dimension).stage, 1);

    // Act
    const result = await handler({ Tables: tables });

    // Assess
    expect(result).toMatchObject({ Status: 'FOUND', Landed: 0, Staged: 1 });
  });

  it('returns NOTHING with a notice naming the tables when only folder markers are there', async () => {
    // Act
    const result = await handler({ Tables: tables });

    // Assess
    expect(result).toEqual({
      Status: 'NOTHING',
      Landed: 0,
      Staged: 0,
      Tables: [
        { Table: dimension.name, Landed: 0, Staged: 0 },
        { Table: fact.name, Landed: 0, Staged: 0 },
      ],
      Notice: `Nothing to load: no file has landed and none is staged for any of the 2 tables (${dimension.name}, ${fact.name}). No cluster was launched.`,
    });
  });

  it('counts every page of a listing', async () => {
    // Prepare
    const prefix = tablePrefixes(fact).landing;
    s3Mock
      .on(ListObjectsV2Command, { Bucket: bucket, Prefix: prefix })
      .resolvesOnce({ Contents: [{ Key: `${prefix}a.csv` }], IsTruncated: true, NextContinuationToken: 't1' })
      .resolves({ Contents: [{ Key: `${prefix}b.csv` }] });

    // Act
    const result = await handler({ Tables: [{ Bucket: bucket, Table: fact.name }] });

    // Assess
    expect(result.Tables).toEqual([{ Table: fact.name, Landed: 2, Staged: 0 }]);
    // The paginator sends the same input object again with the token set, so the calls are counted.
    expect(s3Mock.commandCalls(ListObjectsV2Command, { Prefix: prefix })).toHaveLength(2);
  });

  it('throws EventValidationError naming Tables before listing anything when the event has none', async () => {
    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toThrow(EventValidationError);
    await expect(handler({ Tables: [] })).rejects.toThrow('Tables must list at least one table');
    expect(listedPrefixes()).toEqual([]);
  });

  it('throws UnknownTableError before listing anything when a table is not declared', async () => {
    // Act
    const act = handler({ Tables: [...tables, { Bucket: bucket, Table: 'no_such_table' }] });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'UnknownTableError', message: expect.stringContaining('no_such_table') });
    expect(listedPrefixes()).toEqual([]);
  });

  it('throws ZoneListingError naming the location, with the S3 error as cause, when a listing fails', async () => {
    // Prepare
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    s3Mock.on(ListObjectsV2Command, { Bucket: bucket, Prefix: tablePrefixes(fact).stage }).rejects(denied);

    // Act
    const act = handler({ Tables: tables });

    // Assess
    await expect(act).rejects.toThrow(ZoneListingError);
    await expect(handler({ Tables: tables })).rejects.toMatchObject({
      message: `could not list s3://${bucket}/${tablePrefixes(fact).stage}`,
      cause: denied,
    });
  });
});
