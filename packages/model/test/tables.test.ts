import { describe, expect, it } from 'vitest';
import { dataColumns, getTable, InvalidTableError, partitionColumns, tables, UnknownTableError, validateTable } from '../src/index';

const fact = getTable('sample_country_tx_fact');

describe('Function: tables', () => {
  it('returns the two sample tables, dimension first', () => {
    // act
    const summary = tables.map((table) => [table.name, table.kind, table.loadMode]);
    // assess
    expect(summary).toEqual([
      ['sample_country_dim', 'dimension', 'overwrite'],
      ['sample_country_tx_fact', 'fact', 'append'],
    ]);
  });
});

describe('Function: getTable', () => {
  it('throws UnknownTableError naming the declared tables when the name is unknown', () => {
    // act / assess
    expect(() => getTable('nope')).toThrow(UnknownTableError);
    expect(() => getTable('nope')).toThrow(/sample_country_dim, sample_country_tx_fact/);
  });
});

describe('Function: dataColumns and partitionColumns', () => {
  it('returns the fact columns without date_id and date_id as the partition column', () => {
    // act
    const data = dataColumns(fact).map((column) => `${column.name} ${column.type}`);
    const partitions = partitionColumns(fact).map((column) => `${column.name} ${column.type}`);
    // assess
    expect(data).toEqual(['tx_id int', 'country_id int', 'tx_amount decimal(18,2)']);
    expect(partitions).toEqual(['date_id int']);
  });
});

describe('Function: validateTable', () => {
  it('throws InvalidTableError when a partition key is not a column', () => {
    // prepare
    const input = { ...fact, partitionKeys: ['day'] };
    // act / assess
    expect(() => validateTable(input)).toThrow(InvalidTableError);
    expect(() => validateTable(input)).toThrow(/partitionKeys: partition key day is not a column/);
  });

  it('throws InvalidTableError when a decimal has no precision and scale', () => {
    // prepare
    const input = {
      ...fact,
      columns: fact.columns.map((column) => (column.name === 'tx_amount' ? { ...column, type: 'decimal' } : column)),
    };
    // act / assess
    expect(() => validateTable(input)).toThrow(/columns\.2\.type: must be a Hive primitive type/);
  });

  it('throws InvalidTableError when a dimension is declared with partitions or appended', () => {
    // prepare
    const input = { ...fact, kind: 'dimension' };
    // act / assess
    expect(() => validateTable(input)).toThrow(/a dimension is fully overwritten/);
  });

  it('throws InvalidTableError when a column is declared twice', () => {
    // prepare
    const input = { ...fact, columns: [...fact.columns, { name: 'tx_id', type: 'int' }] };
    // act / assess
    expect(() => validateTable(input)).toThrow(/duplicate columns: tx_id/);
  });
});

describe('Function: validateTable (lineage column)', () => {
  it('throws InvalidTableError when a declared column takes the name of the lineage column', () => {
    // Prepare
    const dimension = getTable('sample_country_dim');
    const declaration = { ...dimension, columns: [...dimension.columns, { name: 'source_file', type: 'string' }] };

    // Act
    const act = () => validateTable(declaration);

    // Assess
    expect(act).toThrow(/source_file is reserved for the lineage column/);
  });
});
