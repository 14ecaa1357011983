import { closeSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTable, hiveScriptPath, hiveScriptVariables, loadCommand, tableLocations } from '@data-pipeline/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HiveSession, startHiveSession } from '../src/index';
import { readCsv, sumAmounts } from './helpers/csv';
import { createLake, filesIn, folderOf, generateFacts, repoRoot, stageFiles } from './helpers/lake';

/** The environment whose databases the scripts load here (local_stg_fact_db, local_fact_db, …). */
const LOCAL = { name: 'local' };

const dimension = getTable('sample_country_dim');
const fact = getTable('sample_country_tx_fact');
const dimensionSamples = filesIn(join(repoRoot, 'data/samples/sample_country_dim'));
const factSamples = filesIn(join(repoRoot, 'data/samples/sample_country_tx_fact'));

const lake = createLake();
let session: HiveSession;

/** The table's load step as EMR runs it (spark-sql, the engine settings, the script, its variables), on a local path. */
async function load(table: typeof fact): Promise<void> {
  const result = await session.runCommand(
    loadCommand(join(repoRoot, hiveScriptPath(table)), hiveScriptVariables(LOCAL, table, '', { root: lake.root })),
  );
  if (result.exitCode !== 0) throw new Error(`load of ${table.name} failed:\n${result.stderr}`);
}

async function query(sql: string): Promise<string[][]> {
  const result = await session.run({ sql });
  if (result.exitCode !== 0) throw new Error(`query failed:\n${result.stderr}`);
  return result.statements.at(-1)?.rows ?? [];
}

function startsWithOrcMagic(path: string): boolean {
  const buffer = Buffer.alloc(3);
  const descriptor = openSync(path, 'r');
  readSync(descriptor, buffer, 0, 3, 0);
  closeSync(descriptor);
  return buffer.toString('latin1') === 'ORC';
}

function dataFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => !name.startsWith('.') && !name.startsWith('_'));
}

beforeAll(async () => {
  session = await startHiveSession({ warehouseDir: lake.warehouseDir, metastoreDir: lake.metastoreDir });
  await query('SHOW DATABASES'); // creates the Derby metastore schema
});

afterAll(async () => {
  await session?.close();
  lake.remove();
});

describe('Function: dimension load script (sample_country_dim.hql)', () => {
  it('returns every sample country with its name unquoted when the sample file is loaded', async () => {
    // prepare
    const expected = dimensionSamples.flatMap((file) => readCsv(file).rows);
    stageFiles(dimension, lake.root, dimensionSamples);
    // act
    await load(dimension);
    const rows = await query('SELECT id, country_name FROM local_dimension_db.sample_country_dim ORDER BY id');
    // assess
    expect(rows).toEqual(expected);
    expect(rows.map((row) => row[1])).toContain('Korea, Republic of');
    expect(rows.map((row) => row[1])).toContain('The "Netherlands"');
    expect(rows.every(([, name]) => !name?.startsWith('"'))).toBe(true);
  });

  it('replaces the first load when the dimension is loaded again with changed input', async () => {
    // prepare
    const changed = join(lake.dir, 'sample_country_dim_v2.csv');
    writeFileSync(changed, 'id,country_name\n1,"Argentine Republic"\n11,"Zambia"\n');
    stageFiles(dimension, lake.root, [changed]);
    // act
    await load(dimension);
    const rows = await query('SELECT id, country_name FROM local_dimension_db.sample_country_dim ORDER BY id');
    // assess
    expect(rows).toEqual([
      ['1', 'Argentine Republic'],
      ['11', 'Zambia'],
    ]);
    const warehouse = folderOf(tableLocations(dimension, '', { root: lake.root }).warehouse);
    expect(dataFiles(warehouse).every((name) => startsWithOrcMagic(join(warehouse, name)))).toBe(true);
  });
});

describe('Function: fact load script (sample_country_tx_fact.hql)', () => {
  const sample = factSamples.flatMap((file) => readCsv(file).rows);
  const warehouse = folderOf(tableLocations(fact, '', { root: lake.root }).warehouse);

  it('returns the sample facts in their date_id partitions as ORC files when the sample files are loaded', async () => {
    // prepare
    const expectedPerDate = new Map<string, number>();
    for (const row of sample) expectedPerDate.set(row[3] ?? '', (expectedPerDate.get(row[3] ?? '') ?? 0) + 1);
    stageFiles(fact, lake.root, factSamples);
    // act
    await load(fact);
    const partitions = await query('SHOW PARTITIONS local_fact_db.sample_country_tx_fact');
    const perDate = await query('SELECT date_id, count(*) FROM local_fact_db.sample_country_tx_fact GROUP BY date_id ORDER BY date_id');
    // assess
    expect(partitions.map(([partition]) => partition)).toEqual([...expectedPerDate.keys()].sort().map((date) => `date_id=${date}`));
    expect(perDate).toEqual([...expectedPerDate.entries()].sort().map(([date, count]) => [date, String(count)]));
    for (const date of expectedPerDate.keys()) {
      const folder = join(warehouse, `date_id=${date}`);
      expect(dataFiles(folder).length).toBeGreaterThan(0);
      expect(dataFiles(folder).every((name) => startsWithOrcMagic(join(folder, name)))).toBe(true);
    }
  });

  it('returns no header row and no byte order mark in the loaded facts', async () => {
    // act
    const [counts] = await query(
      "SELECT count(*), count(tx_id), min(tx_id), sum(CASE WHEN instr(CAST(tx_id AS STRING), 'tx') > 0 THEN 1 ELSE 0 END) FROM local_fact_db.sample_country_tx_fact",
    );
    // assess
    expect(counts).toEqual([String(sample.length), String(sample.length), String(Math.min(...sample.map((row) => Number(row[0])))), '0']);
  });

  it('returns every amount exactly as written in the files', async () => {
    // act
    const rows = await query('SELECT tx_id, country_id, tx_amount, date_id FROM local_fact_db.sample_country_tx_fact ORDER BY tx_id');
    const [total] = await query('SELECT sum(tx_amount) FROM local_fact_db.sample_country_tx_fact');
    // assess
    expect(rows).toEqual([...sample].sort((a, b) => Number(a[0]) - Number(b[0])));
    expect(total).toEqual([sumAmounts(sample.map((row) => row[2] ?? ''))]);
  });

  it('adds partitions for new dates and keeps the old ones when a second batch is loaded', async () => {
    // prepare
    const before = await query(
      'SELECT date_id, count(*), sum(tx_amount) FROM local_fact_db.sample_country_tx_fact GROUP BY date_id ORDER BY date_id',
    );
    const batch = generateFacts([
      '--rows',
      '500',
      '--dates',
      '2',
      '--files',
      '3',
      '--start-date',
      '20240104',
      '--first-id',
      '1001',
      '--out',
      join(lake.dir, 'batch2'),
    ]);
    stageFiles(fact, lake.root, batch.files);
    // act
    await load(fact);
    const after = await query('SELECT date_id, count(*) FROM local_fact_db.sample_country_tx_fact GROUP BY date_id ORDER BY date_id');
    const kept = await query(
      `SELECT date_id, count(*), sum(tx_amount) FROM local_fact_db.sample_country_tx_fact WHERE date_id < ${batch.dates[0]} GROUP BY date_id ORDER BY date_id`,
    );
    const [added] = await query(
      `SELECT count(*), sum(tx_amount) FROM local_fact_db.sample_country_tx_fact WHERE date_id >= ${batch.dates[0]}`,
    );
    // assess
    expect(kept).toEqual(before);
    expect(after.map(([date]) => date)).toEqual([...before.map(([date]) => date ?? ''), ...batch.dates]);
    expect(after.slice(before.length)).toEqual(batch.dates.map((date) => [date, String(batch.rowsPerDate[date])]));
    expect(added).toEqual([String(batch.rows), batch.totalAmount]);
  });

  it('leaves the warehouse as one load would when the same staged files are loaded again', async () => {
    // prepare
    const before = await query(
      'SELECT tx_id, country_id, tx_amount, source_file, date_id FROM local_fact_db.sample_country_tx_fact ORDER BY tx_id',
    );
    // act: the second batch is still staged, as after a failure between the load and the archive
    await load(fact);
    const after = await query(
      'SELECT tx_id, country_id, tx_amount, source_file, date_id FROM local_fact_db.sample_country_tx_fact ORDER BY tx_id',
    );
    // assess
    expect(after).toEqual(before);
  });

  it('keeps the rows of files no longer staged and replaces those of files staged again when a date is shared', async () => {
    // prepare: a late file for a date of the first batch, plus one sample file staged again (the
    // generated batch has a file of the same name on later dates: a name stands for a delivery per date)
    const late = join(lake.dir, 'late.csv');
    writeFileSync(late, 'tx_id,country_id,tx_amount,date_id\n9001,1,1.25,20240101\n');
    const [firstSample] = factSamples;
    const before = await query('SELECT count(*), sum(tx_amount) FROM local_fact_db.sample_country_tx_fact');
    stageFiles(fact, lake.root, [late, firstSample ?? '']);
    // act
    await load(fact);
    const [after] = await query('SELECT count(*), sum(tx_amount) FROM local_fact_db.sample_country_tx_fact');
    const bySource = await query(
      "SELECT source_file, count(*) FROM local_fact_db.sample_country_tx_fact WHERE source_file IN ('late.csv', 'sample_country_tx_fact_part-0001.csv') AND date_id <= 20240103 GROUP BY source_file ORDER BY source_file",
    );
    // assess
    expect(after).toEqual([String(Number(before[0]?.[0]) + 1), sumAmounts([before[0]?.[1] ?? '0', '1.25'])]);
    expect(bySource).toEqual([
      ['late.csv', '1'],
      ['sample_country_tx_fact_part-0001.csv', String(readCsv(firstSample ?? '').rows.length)],
    ]);
  });
});
