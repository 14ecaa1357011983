// stage-landed-files over the real S3 wire protocol: a local S3-compatible server (s3proxy) on
// 127.0.0.1, the real handler and the sample files, no mocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { startWireS3, type WireS3 } from '@data-pipeline/core/testing';
import { archivedKeyOf, getTable, stagedFileKey, tablePrefixes } from '@data-pipeline/model';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const bucket = 'stage-wire-test';
const fact = getTable('sample_country_tx_fact');
const dimension = getTable('sample_country_dim');
const prefixes = tablePrefixes(fact);
const samples = join(import.meta.dirname, '../../../../data/samples/sample_country_tx_fact');
const sampleNames = ['sample_country_tx_fact_part-0001.csv', 'sample_country_tx_fact_part-0002.csv'];

describe('Function: stage-landed-files over the S3 wire protocol', () => {
  let wire: WireS3;
  let s3: S3Client;

  beforeAll(async () => {
    wire = await startWireS3({ buckets: [bucket] });
    s3 = wire.s3;
  });

  afterAll(async () => {
    await wire?.stop();
  });

  async function keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) found.push(object.Key ?? '');
    }
    return found.sort();
  }

  async function clear(): Promise<void> {
    const { DeleteObjectsCommand } = await import('@aws-sdk/client-s3');
    const all = await keys('data-workflows/');
    const data = all.filter((key) => !key.includes('/libs/'));
    if (data.length > 0) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: data.map((Key) => ({ Key })) } }));
  }

  async function land(name: string, body: string | Buffer, table = fact): Promise<void> {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${tablePrefixes(table).landing}${name}`, Body: body }));
  }

  beforeEach(async () => {
    await clear();
    wire.env();
  });

  it('returns STAGED and moves each sample file into a source_file folder of its own, emptying landing', async () => {
    // Prepare
    for (const name of sampleNames) await land(name, readFileSync(join(samples, name)));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefixes.landing, Body: '' }));

    // Act
    const result = await handler({ Bucket: bucket, Table: fact.name, RunId: 'run-1' });

    // Assess
    expect(result).toEqual({ Table: fact.name, Status: 'STAGED', Staged: 2, Moved: 2, Quarantined: [], QuarantinedCount: 0 });
    expect(await keys(prefixes.landing)).toEqual([prefixes.landing]);
    expect(await keys(prefixes.stage)).toEqual(sampleNames.map((name) => stagedFileKey(fact, name)));
    const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: stagedFileKey(fact, sampleNames[0] ?? '') }));
    expect(await body.Body?.transformToString()).toBe(readFileSync(join(samples, sampleNames[0] ?? ''), 'utf8'));
  });

  it('returns the quarantined file with its line and reason, stages the good one and writes the report', async () => {
    // Prepare
    await land('good.csv', readFileSync(join(samples, sampleNames[0] ?? '')));
    await land('bad.csv', 'tx_id,country_id,tx_amount,date_id\n1,1,10.00,20240101\n2,1,20240101\n3,x,1.00,20240101\n');

    // Act
    const result = await handler({ Bucket: bucket, Table: fact.name, RunId: 'run-2' });

    // Assess
    const quarantineKey = `${prefixes.quarantine}run-2/bad.csv`;
    const reportKey = `${prefixes.quarantine}run-2/_report.json`;
    expect(result.Status).toBe('STAGED');
    expect(result.Quarantined).toEqual([
      {
        File: 'bad.csv',
        Key: quarantineKey,
        Problems: [
          { Line: 3, Reason: 'has 3 columns, expected 4 (tx_id, country_id, tx_amount, date_id)' },
          { Line: 4, Reason: 'country_id "x" is not an integer (int)' },
        ],
        ProblemCount: 2,
      },
    ]);
    expect(result.QuarantinedCount).toBe(1);
    expect(result.QuarantineReport).toBe(reportKey);
    expect(result.Notice).toContain('bad.csv: line 3: has 3 columns');
    expect(await keys(prefixes.quarantine)).toEqual([reportKey, quarantineKey]);
    expect(await keys(prefixes.stage)).toEqual([stagedFileKey(fact, 'good.csv')]);
    const report = JSON.parse(
      (await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: reportKey }))).Body?.transformToString()) ?? '',
    );
    expect(report).toMatchObject({ table: fact.name, runId: 'run-2', files: result.Quarantined });
  });

  it('returns EMPTY with a notice and touches nothing when nothing landed and nothing is staged', async () => {
    // Act
    const result = await handler({ Bucket: bucket, Table: dimension.name, RunId: 'run-3' });

    // Assess
    expect(result).toEqual({
      Table: dimension.name,
      Status: 'EMPTY',
      Staged: 0,
      Moved: 0,
      Quarantined: [],
      QuarantinedCount: 0,
      Notice: 'sample_country_dim: nothing landed and nothing staged; the table is left as it was (no load).',
    });
    expect((await keys('data-workflows/')).filter((key) => !key.includes('/libs/'))).toEqual([]);
  });

  it('returns each file exactly once in staging when a move stopped after copying and before deleting', async () => {
    // Prepare: the state a move interrupted between its copy and its delete leaves
    const name = sampleNames[0] ?? '';
    await land(name, readFileSync(join(samples, name)));
    await s3.send(
      new CopyObjectCommand({ Bucket: bucket, Key: stagedFileKey(fact, name), CopySource: `${bucket}/${prefixes.landing}${name}` }),
    );

    // Act
    const result = await handler({ Bucket: bucket, Table: fact.name, RunId: 'run-4' });

    // Assess
    expect(result).toMatchObject({ Status: 'STAGED', Staged: 1, Moved: 1 });
    expect(await keys(prefixes.landing)).toEqual([]);
    expect(await keys(prefixes.stage)).toEqual([stagedFileKey(fact, name)]);
  });

  it('returns LOADED and leaves landing alone when a staged file was already copied to the archive after staging', async () => {
    // Prepare: an archive step that copied one of two staged files, then stopped
    for (const name of sampleNames) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: stagedFileKey(fact, name), Body: readFileSync(join(samples, name)) }));
    }
    const first = stagedFileKey(fact, sampleNames[0] ?? '');
    await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: archivedKeyOf(fact, first), CopySource: `${bucket}/${first}` }));
    await land('next.csv', readFileSync(join(samples, sampleNames[1] ?? '')));

    // Act
    const result = await handler({ Bucket: bucket, Table: fact.name, RunId: 'run-5' });

    // Assess
    expect(result).toMatchObject({ Status: 'LOADED', Staged: 2, Moved: 0 });
    expect(await keys(prefixes.landing)).toEqual([`${prefixes.landing}next.csv`]);
    expect(await keys(prefixes.stage)).toHaveLength(2);
  });

  it('returns STAGED, not LOADED, when the archive holds an older copy of a file of the same name', async () => {
    // Prepare: yesterday's archive of a file re-delivered today
    const name = sampleNames[0] ?? '';
    const staged = stagedFileKey(fact, name);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: archivedKeyOf(fact, staged), Body: readFileSync(join(samples, name)) }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: staged, Body: readFileSync(join(samples, name)) }));

    // Act
    const result = await handler({ Bucket: bucket, Table: fact.name, RunId: 'run-6' });

    // Assess
    expect(result).toMatchObject({ Status: 'STAGED', Staged: 1, Moved: 0 });
  });
});
