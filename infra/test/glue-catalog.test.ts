import { glueDatabases, glueTables } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { type Json, ref, resourceAt, resourcesOf, synthesized } from './support/synthesized';

const columns = (list: { Name: string; Type: string; Comment?: string }[]) =>
  list.map((column) => ({ name: column.Name, type: column.Type, ...(column.Comment ? { comment: column.Comment } : {}) }));

describe('Function: Glue catalog', () => {
  it.each(['dev', 'prod'] as const)('returns the four databases of the model, named after %s, in that stack', (env) => {
    const stack = synthesized(env);
    const bucket = ref('aws_s3_bucket', resourceAt(stack, 'aws_s3_bucket', 'storage/bucket').id, 'bucket');
    const found = Object.values(resourcesOf(stack, 'aws_glue_catalog_database')) as Json[];
    expect(found.map((database) => database.name).sort()).toEqual([
      `${env}_dimension_db`,
      `${env}_fact_db`,
      `${env}_stg_dimension_db`,
      `${env}_stg_fact_db`,
    ]);
    for (const database of glueDatabases({ name: env }, bucket)) {
      expect(found.find((candidate) => candidate.name === database.Name)?.location_uri).toBe(database.LocationUri);
    }
  });

  it.each(['dev', 'prod'] as const)('returns every table of the model with its schema, SerDe and partitions in %s', (env) => {
    const stack = synthesized(env);
    const bucket = ref('aws_s3_bucket', resourceAt(stack, 'aws_s3_bucket', 'storage/bucket').id, 'bucket');
    const found = Object.values(resourcesOf(stack, 'aws_glue_catalog_table')) as Json[];
    const expected = glueTables({ name: env }, bucket);
    expect(found).toHaveLength(expected.length);
    for (const definition of expected) {
      const input = definition.TableInput;
      const databases = Object.entries(resourcesOf(stack, 'aws_glue_catalog_database'));
      const [databaseId] = databases.find(([, database]) => database.name === definition.DatabaseName) ?? [''];
      const table = found.find(
        (candidate) => candidate.name === input.Name && candidate.database_name === ref('aws_glue_catalog_database', databaseId, 'name'),
      );
      expect(table, `${definition.DatabaseName}.${input.Name}`).toBeDefined();
      const descriptor = table?.storage_descriptor as Json;
      expect(table?.table_type).toBe('EXTERNAL_TABLE');
      expect(table?.parameters).toEqual(input.Parameters);
      expect(table?.partition_keys).toEqual(columns(input.PartitionKeys));
      expect(descriptor.columns).toEqual(columns(input.StorageDescriptor.Columns));
      expect(descriptor.location).toBe(input.StorageDescriptor.Location);
      expect(descriptor.input_format).toBe(input.StorageDescriptor.InputFormat);
      expect(descriptor.ser_de_info).toEqual({
        serialization_library: input.StorageDescriptor.SerdeInfo.SerializationLibrary,
        parameters: input.StorageDescriptor.SerdeInfo.Parameters,
      });
    }
  });

  it('returns staging tables read by OpenCSVSerde skipping the header, and partitioned ORC warehouse facts', () => {
    const found = Object.values(resourcesOf(synthesized('dev'), 'aws_glue_catalog_table')) as Json[];
    const staging = found.find((table) => table.name === 'sample_country_tx_fact' && String(table.database_name).includes('stg_fact_db'));
    const warehouse = found.find((table) => table.name === 'sample_country_tx_fact' && !String(table.database_name).includes('stg_'));
    expect((staging?.storage_descriptor as Json | undefined)?.ser_de_info).toMatchObject({
      serialization_library: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
      parameters: { separatorChar: ',', quoteChar: '"' },
    });
    expect(staging?.parameters).toMatchObject({ 'skip.header.line.count': '1' });
    expect(warehouse?.partition_keys).toEqual([{ name: 'date_id', type: 'int', comment: 'transaction date as yyyymmdd' }]);
    expect((warehouse?.storage_descriptor as Json | undefined)?.input_format).toBe('org.apache.hadoop.hive.ql.io.orc.OrcInputFormat');
  });
});
