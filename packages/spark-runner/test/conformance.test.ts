// What the load scripts rely on from their engine, asserted on the engine the EMR steps run: Spark SQL 3.5
// (emr-7.12.0 ships Spark 3.5.6-amzn-1; this runs Apache Spark 3.5.6, the same pyspark the version test pins),
// with the model's session settings passed the way the load step passes them (spark-sql --conf / --hiveconf).
// Each case states its expected result; the comment above it cites where Spark 3.5 (or the Hadoop and Hive
// classes it bundles) documents or implements the behaviour. Amazon's patches in the EMR build are not
// public: every case was confirmed here on Apache Spark 3.5.6, none on an EMR cluster.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineSettingArguments, getTable, hiveScriptPath, hiveScriptVariables, loadCommand, tableLocations } from '@data-pipeline/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HiveSession, startHiveSession } from '../src/index';
import { createLake, folderOf, repoRoot, stageFiles } from './helpers/lake';

const LOCAL = { name: 'local' };
const dimension = getTable('sample_country_dim');
const fact = getTable('sample_country_tx_fact');
const lake = createLake();
let session: HiveSession;
let batch = 0;

/** Puts files of the given contents in the table's staging folder (replacing what was staged), one folder per file. */
function stage(table: typeof fact, files: Record<string, string>): void {
  batch += 1;
  const folder = join(lake.dir, `input-${batch}`);
  mkdirSync(folder, { recursive: true });
  const paths = Object.entries(files).map(([name, content]) => {
    writeFileSync(join(folder, name), content);
    return join(folder, name);
  });
  stageFiles(table, lake.root, paths);
}

/** The table's load step: the same spark-sql command line as on EMR, on the script's local path. */
async function load(table: typeof fact): Promise<void> {
  const variables = hiveScriptVariables(LOCAL, table, '', { root: lake.root });
  const result = await session.runCommand(loadCommand(join(repoRoot, hiveScriptPath(table)), variables));
  if (result.exitCode !== 0) throw new Error(`load of ${table.name} failed:\n${result.stderr}`);
}

/** One query through spark-sql with the load step's session settings. */
async function sparkSql(sql: string): Promise<string[][]> {
  const result = await session.runCommand(['spark-sql', ...engineSettingArguments(), '-S', '-e', sql]);
  if (result.exitCode !== 0) throw new Error(`query failed:\n${result.stderr}`);
  return result.statements.at(-1)?.rows ?? [];
}

const dimensionRows = () => sparkSql('SELECT id, country_name, source_file FROM local_dimension_db.sample_country_dim ORDER BY id');

beforeAll(async () => {
  session = await startHiveSession({ warehouseDir: lake.warehouseDir, metastoreDir: lake.metastoreDir });
});

afterAll(async () => {
  await session?.close();
  lake.remove();
});

describe('Function: the local engine', () => {
  it('returns the Spark version of the deployed release', async () => {
    // act
    const [[version] = []] = await sparkSql('SELECT version()');
    // assess
    expect(session.sparkVersion).toBe('3.5.6');
    expect(version?.split(' ')[0]).toBe('3.5.6');
  });
});

describe('Function: header skipping (load scripts)', () => {
  // Spark SQL does not honour skip.header.line.count on Hive text tables (SPARK-11374,
  // https://issues.apache.org/jira/browse/SPARK-11374): the header lines reach the query. Observed on 3.5.6.
  it('returns the header lines from the staging table itself, which is why the scripts drop them by content', async () => {
    // prepare
    stage(dimension, { 'lower.csv': 'id,country_name\n1,Argentina\n' });
    await load(dimension);
    // act
    const rows = await sparkSql(
      "SELECT id, country_name FROM local_stg_dimension_db.sample_country_dim WHERE source_file = 'lower.csv' ORDER BY id",
    );
    // assess
    expect(rows).toEqual([
      ['1', 'Argentina'],
      ['id', 'country_name'],
    ]);
  });

  // Hadoop's line reader (org.apache.hadoop.util.LineReader, bundled as Hadoop 3.3.4) ends a line at LF, CR or CRLF:
  // https://github.com/apache/hadoop/blob/rel/release-3.3.4/hadoop-common-project/hadoop-common/src/main/java/org/apache/hadoop/util/LineReader.java
  // The mapred LineRecordReader skips a UTF-8 byte order mark at the start of a file (skipUtfByteOrderMark):
  // https://github.com/apache/hadoop/blob/rel/release-3.3.4/hadoop-mapreduce-project/hadoop-mapreduce-client/hadoop-mapreduce-client-core/src/main/java/org/apache/hadoop/mapred/LineRecordReader.java
  // The filter (headerRowFilter of the model) also strips a BOM, spaces and quotes itself, should a reader keep them.
  it('returns only the data rows when the staged files have headers in any case, with a BOM, quotes and CRLF', async () => {
    // prepare
    stage(dimension, {
      'upper-bom-crlf.csv': '\uFEFFID,COUNTRY_NAME\r\n1,Argentina\r\n',
      'quoted.csv': '"Id","Country_Name"\n2,Brazil\n',
      'spaced.csv': ' id ,country_name\n3,Chile\n',
      'header-only.csv': 'ID,COUNTRY_NAME\r\n',
      'no-header.csv': '4,Denmark\n',
    });
    // act
    await load(dimension);
    // assess
    expect(await dimensionRows()).toEqual([
      ['1', 'Argentina', 'upper-bom-crlf.csv'],
      ['2', 'Brazil', 'quoted.csv'],
      ['3', 'Chile', 'spaced.csv'],
      ['4', 'Denmark', 'no-header.csv'],
    ]);
  });

  it('returns the first value without the byte order mark when a file has no header', async () => {
    // prepare
    stage(dimension, { 'bom-no-header.csv': '\uFEFF5,Egypt\r\n6,Fiji\r\n' });
    // act
    await load(dimension);
    // assess
    expect(await dimensionRows()).toEqual([
      ['5', 'Egypt', 'bom-no-header.csv'],
      ['6', 'Fiji', 'bom-no-header.csv'],
    ]);
  });
});

describe('Function: quoted CSV (OpenCSVSerde of the staging tables)', () => {
  // OpenCSVSerde (Hive 2.3.9, bundled with Spark 3.5.6; the staging tables name it) parses each line with
  // opencsv 2.3 (net.sf.opencsv:opencsv:2.3, bundled too): separatorChar ',', quoteChar '"', escapeChar '\'.
  // https://github.com/apache/hive/blob/rel/release-2.3.9/serde/src/java/org/apache/hadoop/hive/serde2/OpenCSVSerde.java
  // It returns every value as a string, and NULL for a column the line does not reach. opencsv keeps an escape
  // character only before a quote or another escape; before any other character it is dropped (observed here).
  it('returns values with their commas and quotes, without the quoting, and backslashes as opencsv reads them', async () => {
    // prepare
    stage(dimension, {
      'quoting.csv': [
        'id,country_name',
        '1,"Korea, Republic of"',
        '2,"The ""Netherlands"""',
        '3,"quo\\"ted"',
        '4,two\\\\backslashes',
        '5,back\\slash',
        '',
      ].join('\n'),
    });
    // act
    await load(dimension);
    // assess
    expect((await dimensionRows()).map(([id, name]) => [id, name])).toEqual([
      ['1', 'Korea, Republic of'],
      ['2', 'The "Netherlands"'],
      ['3', 'quo"ted'],
      ['4', 'two\\backslashes'],
      ['5', 'backslash'],
    ]);
  });

  it('returns an empty string for an empty or "" field and NULL for a column the line lacks', async () => {
    // prepare
    stage(dimension, { 'empty.csv': 'id,country_name\n1,\n2,""\n3\n' });
    // act
    await load(dimension);
    const rows = await sparkSql(
      'SELECT id, country_name IS NULL, length(country_name) FROM local_dimension_db.sample_country_dim ORDER BY id',
    );
    // assess
    expect(rows).toEqual([
      ['1', 'false', '0'],
      ['2', 'false', '0'],
      ['3', 'true', 'NULL'],
    ]);
  });
});

describe('Function: casts (spark.sql.ansi.enabled=false)', () => {
  // With ANSI mode off, a string that is not a valid number, or out of the type's range, casts to NULL:
  // https://spark.apache.org/docs/3.5.6/sql-ref-ansi-compliance.html#cast
  // The string is trimmed of whitespace first, and digits after a decimal point are dropped (UTF8String.toInt):
  // https://github.com/apache/spark/blob/v3.5.6/common/unsafe/src/main/java/org/apache/spark/unsafe/types/UTF8String.java
  it.each([
    ['2147483647', '2147483647'],
    ['2147483648', 'NULL'],
    ['-2147483649', 'NULL'],
    ['12a', 'NULL'],
    ['', 'NULL'],
    [' 12 ', '12'],
    ['12\t', '12'],
    ['+7', '7'],
    ['12.7', '12'],
    ['-12.7', '-12'],
    ['1e3', 'NULL'],
  ])('returns %j cast to INT as %s', async (text, expected) => {
    // act
    const [[value] = []] = await sparkSql(`SELECT CAST('${text}' AS INT)`);
    // assess
    expect(value).toBe(expected);
  });

  // A string casts to a decimal exactly, rounded half up to the scale (Decimal.changePrecision, ROUND_HALF_UP);
  // a value needing more integer digits than precision - scale (16 for DECIMAL(18,2)) is NULL:
  // https://github.com/apache/spark/blob/v3.5.6/sql/catalyst/src/main/scala/org/apache/spark/sql/types/Decimal.scala
  it.each([
    ['1.005', '1.01'],
    ['-1.005', '-1.01'],
    ['1.004', '1.00'],
    ['0.125', '0.13'],
    ['.5', '0.50'],
    ['1e2', '100.00'],
    ['9999999999999999.99', '9999999999999999.99'],
    ['9999999999999999.995', 'NULL'],
    ['10000000000000000', 'NULL'],
    ['1,5', 'NULL'],
    ['abc', 'NULL'],
  ])('returns %j cast to DECIMAL(18,2) as %s', async (text, expected) => {
    // act
    const [[value] = []] = await sparkSql(`SELECT CAST('${text}' AS DECIMAL(18,2))`);
    // assess
    expect(value).toBe(expected);
  });

  // A string casts to a date when it is yyyy[-m[m][-d[d]]], optionally followed by a time, and is a real date
  // (DateTimeUtils.stringToDate); yyyyMMdd needs to_date with a pattern:
  // https://github.com/apache/spark/blob/v3.5.6/sql/catalyst/src/main/scala/org/apache/spark/sql/catalyst/util/SparkDateTimeUtils.scala
  // https://spark.apache.org/docs/3.5.6/sql-ref-datetime-pattern.html
  // The fact tables keep dates as yyyymmdd integers: an INT cast does not check that the date exists.
  it.each([
    ["CAST('2024-01-05' AS DATE)", '2024-01-05'],
    ["CAST('2024-1-5' AS DATE)", '2024-01-05'],
    ["CAST('2024-01-05 10:00' AS DATE)", '2024-01-05'],
    ["CAST('2024-02-30' AS DATE)", 'NULL'],
    ["CAST('20240105' AS DATE)", 'NULL'],
    ["to_date('20240105', 'yyyyMMdd')", '2024-01-05'],
    ["to_date('20240230', 'yyyyMMdd')", 'NULL'],
    ["CAST('20240230' AS INT)", '20240230'],
  ])('returns %s as %s', async (expression, expected) => {
    // act
    const [[value] = []] = await sparkSql(`SELECT ${expression}`);
    // assess
    expect(value).toBe(expected);
  });

  it('returns a fact row with NULL where its value does not cast, instead of failing the load', async () => {
    // prepare
    stage(fact, { 'malformed.csv': 'tx_id,country_id,tx_amount,date_id\n1,2147483648,12.3x,20240105\n' });
    // act
    await load(fact);
    const rows = await sparkSql('SELECT tx_id, country_id, tx_amount, date_id FROM local_fact_db.sample_country_tx_fact');
    // assess
    expect(rows).toEqual([['1', 'NULL', 'NULL', '20240105']]);
  });
});

describe('Function: dynamic-partition overwrite (spark.sql.sources.partitionOverwriteMode=dynamic)', () => {
  // INSERT OVERWRITE … PARTITION (date_id) replaces only the partitions the query writes:
  // https://spark.apache.org/docs/3.5.6/configuration.html#runtime-sql-configuration (partitionOverwriteMode)
  const warehouse = () => folderOf(tableLocations(fact, '', { root: lake.root }).warehouse);
  const filesOf = (date: string) =>
    readdirSync(join(warehouse(), `date_id=${date}`))
      .filter((name) => !name.startsWith('.'))
      .map((name) => `${name}@${statSync(join(warehouse(), `date_id=${date}`, name)).mtimeMs}`);

  it('returns the other dates’ files untouched when a load writes one date', async () => {
    // prepare
    stage(fact, {
      'd1.csv': 'tx_id,country_id,tx_amount,date_id\n10,1,1.00,20240201\n',
      'd2.csv': 'tx_id,country_id,tx_amount,date_id\n11,1,2.00,20240202\n',
    });
    await load(fact);
    const before = filesOf('20240201');
    // act
    stage(fact, { 'd2-late.csv': 'tx_id,country_id,tx_amount,date_id\n12,1,3.00,20240202\n' });
    await load(fact);
    // assess
    expect(filesOf('20240201')).toEqual(before);
    expect(
      await sparkSql(
        'SELECT tx_id, source_file FROM local_fact_db.sample_country_tx_fact WHERE date_id IN (20240201, 20240202) ORDER BY tx_id',
      ),
    ).toEqual([
      ['10', 'd1.csv'],
      ['11', 'd2.csv'],
      ['12', 'd2-late.csv'],
    ]);
  });
});

describe('Function: NULL partition values', () => {
  // A NULL partition value is written to the folder __HIVE_DEFAULT_PARTITION__ and read back as NULL
  // (ExternalCatalogUtils.DEFAULT_PARTITION_NAME):
  // https://github.com/apache/spark/blob/v3.5.6/sql/catalyst/src/main/scala/org/apache/spark/sql/catalyst/catalog/ExternalCatalogUtils.scala
  it('returns rows whose date does not cast in the NULL partition, and keeps them when another file loads into it', async () => {
    // prepare
    stage(fact, { 'no-date-a.csv': 'tx_id,country_id,tx_amount,date_id\n20,1,1.00,\n' });
    await load(fact);
    // act
    stage(fact, { 'no-date-b.csv': 'tx_id,country_id,tx_amount,date_id\n21,1,2.00,not-a-date\n' });
    await load(fact);
    const rows = await sparkSql('SELECT tx_id, source_file FROM local_fact_db.sample_country_tx_fact WHERE date_id IS NULL ORDER BY tx_id');
    const partitions = await sparkSql('SHOW PARTITIONS local_fact_db.sample_country_tx_fact');
    // assess
    expect(rows).toEqual([
      ['20', 'no-date-a.csv'],
      ['21', 'no-date-b.csv'],
    ]);
    expect(partitions).toContainEqual(['date_id=__HIVE_DEFAULT_PARTITION__']);
  });
});

describe('Function: the lineage column (source_file)', () => {
  // A staged file sits in source_file=<escaped name>/; MSCK REPAIR registers the folder and the column reads the
  // name unescaped (ExternalCatalogUtils.escapePathName / unescapePathName, same source as above).
  it('returns the landed file name, with spaces, = and % as written, on every row of the file', async () => {
    // prepare
    const name = 'delivery 2024=03 100%.csv';
    stage(fact, { [name]: 'tx_id,country_id,tx_amount,date_id\n30,1,1.00,20240301\n31,2,2.00,20240301\n' });
    // act
    await load(fact);
    const rows = await sparkSql(
      'SELECT tx_id, source_file FROM local_fact_db.sample_country_tx_fact WHERE date_id = 20240301 ORDER BY tx_id',
    );
    // assess
    expect(rows).toEqual([
      ['30', name],
      ['31', name],
    ]);
  });
});
