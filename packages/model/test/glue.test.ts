import { describe, expect, it } from 'vitest';
import { getTable, glueDatabases, glueTableDefinitions, glueTables } from '../src/index';

const fact = getTable('sample_country_tx_fact');
const dev = { name: 'dev' };

describe('Function: glueTableDefinitions', () => {
  const [staging, warehouse] = glueTableDefinitions(dev, fact, 'bucket-x');

  it('returns a staging text table with every source column as a string, in file order, read by OpenCSVSerde', () => {
    // assess
    expect(staging?.DatabaseName).toBe('dev_stg_fact_db');
    expect(staging?.TableInput.StorageDescriptor.Columns.map((column) => `${column.Name}:${column.Type}`)).toEqual(
      fact.columns.map((column) => `${column.name}:string`),
    );
    expect(staging?.TableInput.PartitionKeys).toEqual([
      { Name: 'source_file', Type: 'string', Comment: 'the landed file the row came from' },
    ]);
    expect(staging?.TableInput.StorageDescriptor.SerdeInfo).toEqual({
      SerializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
      Parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
    });
    expect(staging?.TableInput.Parameters).toMatchObject({ 'skip.header.line.count': '1', classification: 'csv', EXTERNAL: 'TRUE' });
    expect(staging?.TableInput.StorageDescriptor.Location).toBe(
      's3://bucket-x/data-workflows/stage/STG_DWH/stg_fact_db/sample_country_tx_fact',
    );
  });

  it('returns an external ORC warehouse table partitioned by date_id under the warehouse zone', () => {
    // assess
    const input = warehouse?.TableInput;
    expect(warehouse?.DatabaseName).toBe('dev_fact_db');
    expect(input?.TableType).toBe('EXTERNAL_TABLE');
    expect(input?.StorageDescriptor.Columns.map((column) => `${column.Name}:${column.Type}`)).toEqual([
      'tx_id:int',
      'country_id:int',
      'tx_amount:decimal(18,2)',
      'source_file:string',
    ]);
    expect(input?.PartitionKeys.map((column) => `${column.Name}:${column.Type}`)).toEqual(['date_id:int']);
    expect(input?.StorageDescriptor.InputFormat).toBe('org.apache.hadoop.hive.ql.io.orc.OrcInputFormat');
    expect(input?.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.apache.hadoop.hive.ql.io.orc.OrcSerde');
    expect(input?.Parameters).toMatchObject({ classification: 'orc', 'orc.compress': 'SNAPPY' });
    expect(input?.StorageDescriptor.Location).toBe('s3://bucket-x/data-workflows/prod/DWH/fact_db/sample_country_tx_fact');
  });
});

describe('Function: glueTables', () => {
  it('returns a staging and a warehouse table for every declaration', () => {
    // act
    const names = glueTables(dev, 'b').map((definition) => `${definition.DatabaseName}.${definition.TableInput.Name}`);
    // assess
    expect(names).toEqual([
      'dev_stg_dimension_db.sample_country_dim',
      'dev_dimension_db.sample_country_dim',
      'dev_stg_fact_db.sample_country_tx_fact',
      'dev_fact_db.sample_country_tx_fact',
    ]);
  });
});

describe('Function: glueDatabases', () => {
  it('returns the environment’s four databases with their zone folders, the folders named after the base names', () => {
    // act
    const databases = glueDatabases(dev, 'b').map((database) => [database.Name, database.LocationUri]);
    // assess
    expect(databases).toEqual([
      ['dev_stg_dimension_db', 's3://b/data-workflows/stage/STG_DWH/stg_dimension_db'],
      ['dev_dimension_db', 's3://b/data-workflows/prod/DWH/dimension_db'],
      ['dev_stg_fact_db', 's3://b/data-workflows/stage/STG_DWH/stg_fact_db'],
      ['dev_fact_db', 's3://b/data-workflows/prod/DWH/fact_db'],
    ]);
  });
});

describe('Function: glueDatabases (environments)', () => {
  it('returns no database name shared by two environments when both deploy to one account', () => {
    // act
    const [dev, prod, local] = ['dev', 'prod', 'local'].map((name) => glueDatabases({ name }, 'b').map((database) => database.Name));
    // assess
    expect(new Set([...(dev ?? []), ...(prod ?? []), ...(local ?? [])]).size).toBe(12);
    expect(prod).toEqual(['prod_stg_dimension_db', 'prod_dimension_db', 'prod_stg_fact_db', 'prod_fact_db']);
  });
});
