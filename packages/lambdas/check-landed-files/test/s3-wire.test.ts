// check-landed-files over the real S3 wire protocol: a local S3-compatible server (s3proxy) on
// 127.0.0.1, the real handler and a sample file, no mocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectsCommand, PutObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { startWireS3, type WireS3 } from '@data-pipeline/core/testing';
import { getTable, stagedFileKey, tablePrefixes } from '@data-pipeline/model';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const bucket = 'check-landed-wire-test';
const dimension = getTable('sample_country_dim');
const fact = getTable('sample_country_tx_fact');
const tables = [dimension, fact].map((table) => ({ Bucket: bucket, Table: table.name }));
const sample = join(import.meta.dirname, '../../../../data/samples/sample_country_tx_fact/sample_country_tx_fact_part-0001.csv');

describe('Function: check-landed-files over the S3 wire protocol', () => {
  let wire: WireS3;
  let s3: S3Client;

  beforeAll(async () => {
    wire = await startWireS3({ buckets: [bucket] });
    s3 = wire.s3;
  });

  afterAll(async () => {
    await wire?.stop();
  });

  async function put(key: string, body: string | Buffer): Promise<void> {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }

  beforeEach(async () => {
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: 'data-workflows/' }))
      keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
    const data = keys.filter((key) => !key.includes('/libs/'));
    if (data.length > 0) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: data.map((Key) => ({ Key })) } }));
    // The folder markers deployment leaves for every table.
    for (const table of [dimension, fact])
      for (const prefix of [tablePrefixes(table).landing, tablePrefixes(table).stage]) await put(prefix, '');
    wire.env();
  });

  it('returns NOTHING when the landing and staging prefixes hold only their folder markers', async () => {
    // Act
    const result = await handler({ Tables: tables });

    // Assess
    expect(result).toMatchObject({ Status: 'NOTHING', Landed: 0, Staged: 0 });
    expect(result.Notice).toContain('No cluster was launched.');
  });

  it('returns FOUND with the landed sample file and a staged one counted for their tables', async () => {
    // Prepare
    await put(`${tablePrefixes(fact).landing}sample_country_tx_fact_part-0001.csv`, readFileSync(sample));
    await put(stagedFileKey(dimension, 'sample_country_dim.csv'), 'id,country_name\n1,France\n');

    // Act
    const result = await handler({ Tables: tables });

    // Assess
    expect(result).toEqual({
      Status: 'FOUND',
      Landed: 1,
      Staged: 1,
      Tables: [
        { Table: dimension.name, Landed: 0, Staged: 1 },
        { Table: fact.name, Landed: 1, Staged: 0 },
      ],
    });
  });
});
