// dev and prod deployed side by side on one set of local services, as into one account: nothing collides,
// and each environment's pipeline loads its own files into its own bucket and databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalNames } from '../src/environment';
import { sampleFiles } from '../src/land';
import { runPipeline } from '../src/pipeline';
import { deployNamed, type LocalSession, startAndDeploy } from '../src/session';

const quiet = () => {};

describe('Function: dev and prod side by side on the local services', () => {
  let dir: string;
  let session: LocalSession;
  let dev: LocalNames;
  let prod: LocalNames;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'local-side-by-side-'));
    session = await startAndDeploy({ dir });
    dev = await deployNamed(session, 'dev');
    prod = await deployNamed(session, 'prod');
  }, 300_000);

  afterAll(async () => {
    await session?.cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns each environment’s own bucket and six state machines when both are deployed', async () => {
    // act
    const { Buckets } = await session.services.s3.send(new ListBucketsCommand({}));
    const { stateMachines } = await session.services.sfn.send(new ListStateMachinesCommand({}));
    const names = (stateMachines ?? []).map((machine) => machine.name ?? '');
    // assess
    expect(Buckets?.map((bucket) => bucket.Name)).toEqual(expect.arrayContaining([dev.bucket, prod.bucket, session.names.bucket]));
    expect(new Set([dev.bucket, prod.bucket, session.names.bucket]).size).toBe(3);
    expect(names.filter((name) => name.startsWith('data-pipeline-dev-'))).toHaveLength(6);
    expect(names.filter((name) => name.startsWith('data-pipeline-prod-'))).toHaveLength(6);
  });

  it('returns each environment’s files loaded into its own databases only when both pipelines run', { timeout: 600_000 }, async () => {
    // prepare: dev gets the dimension and the first fact file, prod the dimension and the second
    const files = sampleFiles();
    const dimension = files.filter((file) => file.table === 'sample_country_dim');
    const [firstFact, secondFact] = files.filter((file) => file.table === 'sample_country_tx_fact');
    if (!firstFact || !secondFact) throw new Error('the samples have two fact files');
    // act
    const devRun = await runPipeline(session.services, dev, { files: [...dimension, firstFact], print: quiet });
    const prodRun = await runPipeline(session.services, prod, { files: [...dimension, secondFact], print: quiet });
    const sources = async (database: string) =>
      (
        await session.services.query(`SELECT DISTINCT source_file FROM ${database}.sample_country_tx_fact ORDER BY source_file`)
      ).rows.flat();
    const [devSources, prodSources] = [await sources('dev_fact_db'), await sources('prod_fact_db')];
    // assess
    expect(devRun.status, devRun.cause).toBe('SUCCEEDED');
    expect(devRun.problems).toEqual([]);
    expect(prodRun.status, prodRun.cause).toBe('SUCCEEDED');
    expect(prodRun.problems).toEqual([]);
    expect(devSources).toEqual([firstFact.path.split('/').pop()]);
    expect(prodSources).toEqual([secondFact.path.split('/').pop()]);
  });
});
