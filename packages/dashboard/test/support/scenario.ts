// A warehouse at the size the dashboard is meant for: the declared tables loaded by real pipeline runs
// of generated files over many dates, and tables only this scenario declares (the model's fixture
// product_dim and two facts), created from their declarations' DDL on the same Spark catalog and filled
// with Spark SQL. Shared by the browser test and the measuring script (scripts/scale.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { FileToLand, LocalNames, Services } from '@data-pipeline/local';
import { repoRoot } from '@data-pipeline/local-cloud';
import { getTable, hiveDdlStatements, hiveScriptVariables, type TableDefinition, tablePrefixes, tables } from '@data-pipeline/model';
import { PRODUCT_DIM } from '@data-pipeline/model/testing';
import { orcSnappy, quotedCsvWithHeader } from '../../../model/src/tables/formats';

const fact = (name: string, description: string, columns: TableDefinition['columns']): TableDefinition => ({
  name,
  kind: 'fact',
  description,
  columns: [...columns, { name: 'date_id', type: 'int', comment: 'date as yyyymmdd' }],
  partitionKeys: ['date_id'],
  source: quotedCsvWithHeader,
  loadMode: 'append',
  storage: orcSnappy,
});

/** Tables the scenario declares beside the repository's: five tables in all. */
export const SCENARIO_EXTRA_TABLES: TableDefinition[] = [
  PRODUCT_DIM,
  fact('web_visit_fact', 'Visits per page and day.', [
    { name: 'visit_id', type: 'bigint' },
    { name: 'page_views', type: 'int' },
    { name: 'seconds_on_site', type: 'double' },
  ]),
  fact('stock_level_fact', 'Units in stock per product and day.', [
    { name: 'stock_id', type: 'bigint' },
    { name: 'product_id', type: 'int' },
    { name: 'units', type: 'int' },
  ]),
];

export const SCENARIO_TABLES: TableDefinition[] = [...tables, ...SCENARIO_EXTRA_TABLES];

/** yyyymmdd of `days` after 2024-01-01. */
export const dateId = (days: number) => Number(new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10).replaceAll('-', ''));

/** Fact files over `dates` days from data/generate.mjs, and the countries they reference. */
export function generatedFiles(dir: string, options: { rows: number; dates: number; files: number; seed?: number }): FileToLand[] {
  const facts = join(dir, 'facts');
  const countries = join(dir, 'countries');
  const generate = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(repoRoot(), 'data', 'generate.mjs'), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`data/generate.mjs ${args.join(' ')} failed: ${result.stderr}`);
  };
  generate([
    '--rows',
    `${options.rows}`,
    '--dates',
    `${options.dates}`,
    '--files',
    `${options.files}`,
    '--countries',
    '20',
    '--seed',
    `${options.seed ?? 42}`,
    '--out',
    facts,
  ]);
  generate(['--dimension', '--countries', '20', '--out', countries]);
  const list = (folder: string, table: string) => readdirSync(folder).map((file) => ({ table, path: join(folder, file) }));
  return [...list(countries, 'sample_country_dim'), ...list(facts, 'sample_country_tx_fact')];
}

/** A fact file whose second line does not fit the format: the pipeline quarantines it. */
export function malformedFactFile(dir: string): FileToLand {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'sample_country_tx_fact_malformed.csv');
  writeFileSync(path, 'tx_id,country_id,tx_amount,date_id\n1,1,12.50,20240101\n2,1,not-a-number,20240101\n3,2,7.25,20240102\n');
  return { table: 'sample_country_tx_fact', path };
}

/** Creates the scenario's own tables on the catalog, as the deploy creates the declared ones, and fills them. */
export async function createExtraTables(services: Services, names: LocalNames, options: { rows: number; dates: number }): Promise<void> {
  for (const table of SCENARIO_EXTRA_TABLES) {
    for (const prefix of Object.values(tablePrefixes(table)))
      await services.s3.send(new PutObjectCommand({ Bucket: names.bucket, Key: prefix, Body: Buffer.alloc(0) }));
    const variables = hiveScriptVariables(names.env, table, names.bucket);
    const statements = hiveDdlStatements(
      table,
      { stage: variables.STAGE_LOCATION, warehouse: variables.WAREHOUSE_LOCATION },
      { stage: variables.STAGE_DATABASE, warehouse: variables.WAREHOUSE_DATABASE },
    );
    for (const statement of statements) await services.query(statement);
    const target = `${variables.WAREHOUSE_DATABASE}.${table.name}`;
    const files = "concat('generated_', CAST(id % 3 AS STRING), '.csv')";
    const day = `CAST(date_format(date_add(DATE'2024-01-01', CAST(id % ${options.dates} AS INT)), 'yyyyMMdd') AS INT)`;
    const insert =
      table.name === PRODUCT_DIM.name
        ? `INSERT OVERWRITE TABLE ${target} SELECT CAST(id AS INT), concat('product ', CAST(id AS STRING)), CAST((id % 97) + 0.99 AS DECIMAL(10,2)), ${files} FROM range(${options.rows})`
        : table.name === 'web_visit_fact'
          ? `INSERT OVERWRITE TABLE ${target} PARTITION (date_id) SELECT id, CAST(id % 11 AS INT), CAST(id % 600 AS DOUBLE), ${files}, ${day} FROM range(${options.rows})`
          : `INSERT OVERWRITE TABLE ${target} PARTITION (date_id) SELECT id, CAST(id % 40 AS INT), CAST(id % 250 AS INT), ${files}, ${day} FROM range(${options.rows})`;
    await services.query(`SET hive.exec.dynamic.partition.mode=nonstrict; ${insert}`);
  }
}

/**
 * A row no load should have written: no date_id (Hive's default partition) and no source file, as a
 * file whose header was loaded as a row once left behind.
 */
export async function insertRowWithoutPartition(services: Services, names: LocalNames): Promise<void> {
  const table = getTable('sample_country_tx_fact');
  const variables = hiveScriptVariables(names.env, table, names.bucket);
  await services.query(
    `SET hive.exec.dynamic.partition.mode=nonstrict; INSERT INTO TABLE ${variables.WAREHOUSE_DATABASE}.${table.name} PARTITION (date_id) SELECT 0, 0, CAST(0 AS DECIMAL(18,2)), CAST(NULL AS STRING), CAST(NULL AS INT)`,
  );
}
