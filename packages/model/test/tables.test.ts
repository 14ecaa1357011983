import { describe, expect, it } from 'vitest';
import {
  checkTableFile,
  dataColumns,
  getTable,
  InvalidTableError,
  partitionColumns,
  sampleCsv,
  tables,
  tablesOfKind,
  UnknownTableError,
  validateTable,
} from '../src/index';
import { tableDeclarations } from '../src/tables/declarations';
import { PRODUCT_DIM } from '../src/testing/index';

const fact = getTable('sample_country_tx_fact');

describe('Function: tables', () => {
  it('returns every declaration, validated, in declaration order', () => {
    // act
    const names = tables.map((table) => table.name);
    // assess
    expect(names).toEqual(tableDeclarations.map((declaration) => validateTable(declaration).name));
    expect(tables.length).toBeGreaterThan(0);
  });

  it('returns a dimension overwritten and unpartitioned, a fact appended into partitions, for every declaration', () => {
    // act
    const shapes = tables.map((table) => [table.name, table.loadMode, table.partitionKeys.length > 0]);
    // assess
    expect(shapes).toEqual(tables.map((table) => [table.name, table.kind === 'dimension' ? 'overwrite' : 'append', table.kind === 'fact']));
    expect([...tablesOfKind('dimension'), ...tablesOfKind('fact')].map((table) => table.name).sort()).toEqual(
      tables.map((table) => table.name).sort(),
    );
  });
});

describe('Function: getTable', () => {
  it('throws UnknownTableError naming the declared tables when the name is unknown', () => {
    // act / assess
    expect(() => getTable('nope')).toThrow(UnknownTableError);
    expect(() => getTable('nope')).toThrow(tables.map((table) => table.name).join(', '));
  });
});

describe('Function: sampleCsv', () => {
  it.each([...tables, PRODUCT_DIM].map((table) => [table.name, table] as const))(
    'returns a file of %s that fits its declared format',
    async (_name, table) => {
      // act
      const csv = sampleCsv(table, { rows: 25, partitionValues: 3 });
      const result = await checkTableFile(table, Buffer.from(csv));
      // assess
      expect(result).toMatchObject({ ok: true, problems: [] });
      expect(csv.trimEnd().split('\n')).toHaveLength(25 + table.source.headerRows);
    },
  );

  it('returns rows whose first partition key takes as many values as asked', () => {
    // act
    const csv = sampleCsv(fact, { rows: 12, partitionValues: 4 });
    const key = fact.columns.findIndex((column) => column.name === fact.partitionKeys[0]);
    const values = new Set(
      csv
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[key]),
    );
    // assess
    expect(values.size).toBe(4);
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
