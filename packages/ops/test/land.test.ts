import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getEnvironment, getTable, tablePrefixes } from '@data-pipeline/model';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { landCommand } from '../src/commands/land';
import { RefusedError, UsageError } from '../src/errors';
import { type MockedAws, mockedAws, mockedContext } from './support/mocked';

const mocks: MockedAws = mockedAws();
const samples = join(import.meta.dirname, '../../../data/samples');
const dir = mkdtempSync(join(tmpdir(), 'ops-land-'));
const FACT = 'sample_country_tx_fact';

describe('Function: landCommand', () => {
  beforeEach(() => {
    mocks.s3.reset();
    mocks.s3.on(PutObjectCommand).resolves({});
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("uploads every file to the table's landing prefix when each fits the declared format", async () => {
    // Prepare
    const files = [`${FACT}/${FACT}_part-0001.csv`, `${FACT}/${FACT}_part-0002.csv`];
    const ctx = mockedContext('dev', { cwd: samples });

    // Act
    const result = await landCommand(ctx, FACT, files);

    // Assess
    expect(result.code).toBe(0);
    expect(
      mocks.s3.commandCalls(PutObjectCommand).map(({ args: [{ input }] }) => ({
        Bucket: input.Bucket,
        Key: input.Key,
        Body: Buffer.from(input.Body as Uint8Array).toString('utf8'),
      })),
    ).toEqual(
      files.map((file) => ({
        Bucket: getEnvironment('dev').bucket,
        Key: `${tablePrefixes(getTable(FACT)).landing}${file.split('/')[1]}`,
        Body: readFileSync(join(samples, file), 'utf8'),
      })),
    );
    expect(result.data.files.map((file) => file.ok)).toEqual([true, true]);
  });

  it('throws RefusedError naming each line and reason, and uploads nothing, when one file does not fit', async () => {
    // Prepare
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'tx_id,country_id,tx_amount,date_id\n1,1,10.00,20240101\n2,1,10.00\n3,x,1.00,20240101\n');
    const ctx = mockedContext('dev');

    // Act
    const error = await landCommand(ctx, FACT, [join(samples, FACT, `${FACT}_part-0001.csv`), bad]).catch((caught: Error) => caught);

    // Assess
    expect(error).toBeInstanceOf(RefusedError);
    const message = (error as Error).message.split('\n');
    expect(message[0]).toBe(`1 of 2 files do not fit ${FACT}; nothing was uploaded`);
    expect(message[1]).toBe(`${bad}:`);
    expect(message.slice(2).map((line) => line.replace(/:.*/, ''))).toEqual(['  line 3', '  line 4']);
    expect(mocks.s3.calls()).toEqual([]);
  });

  it('throws UsageError for an unknown table or a missing file, before reading anything', async () => {
    // Prepare
    const ctx = mockedContext('dev');

    // Act
    const unknown = await landCommand(ctx, 'sample_country', ['x.csv']).catch((caught: Error) => caught);
    const missing = await landCommand(ctx, FACT, [join(dir, 'absent.csv')]).catch((caught: Error) => caught);

    // Assess
    expect(unknown).toBeInstanceOf(UsageError);
    expect((unknown as Error).message).toBe('unknown table "sample_country": one of sample_country_dim, sample_country_tx_fact');
    expect((missing as Error).message).toBe(`${join(dir, 'absent.csv')} is not a file`);
    expect(mocks.s3.calls()).toEqual([]);
  });

  it('throws RefusedError in prod without --yes and no terminal to ask on, after checking the files, and uploads nothing', async () => {
    // Prepare
    const ctx = mockedContext('prod', { cwd: samples });

    // Act
    const error = await landCommand(ctx, FACT, [`${FACT}/${FACT}_part-0001.csv`]).catch((caught: Error) => caught);
    const forced = await landCommand(ctx, FACT, [`${FACT}/${FACT}_part-0001.csv`], { yes: true });

    // Assess
    expect((error as Error).message).toBe('prod needs confirmation: run it on a terminal, or add --yes');
    expect(forced.data.bucket).toBe(getEnvironment('prod').bucket);
    expect(mocks.s3.commandCalls(PutObjectCommand)).toHaveLength(1);
  });
});
