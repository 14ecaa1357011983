import { getTable, tables } from '@data-pipeline/model';
import { PRODUCT_DIM } from '@data-pipeline/model/testing';
import { describe, expect, it } from 'vitest';
import { chartQuery, groupingColumn, measureColumns, tableViewOf } from '../src/sources/data';

describe('Function: chartQuery', () => {
  it('returns, per value of the first partition key, the row count and the sum of each measure', () => {
    // Act
    const sql = chartQuery(getTable('sample_country_tx_fact'));

    // Assess
    expect(
      sql,
    ).toBe(`SELECT CAST(date_id AS STRING), CAST(COUNT(*) AS STRING), CAST(SUM(CASE WHEN source_file IS NULL OR source_file = '' THEN 1 ELSE 0 END) AS STRING), CAST(SUM(tx_amount) AS STRING)
FROM local_fact_db.sample_country_tx_fact
GROUP BY date_id ORDER BY date_id`);
  });

  it('returns rows and measures per source file for a table without partitions, such as an added one', () => {
    // Act
    const sql = chartQuery(PRODUCT_DIM);

    // Assess
    expect(
      sql,
    ).toBe(`SELECT CAST(source_file AS STRING), CAST(COUNT(*) AS STRING), CAST(SUM(CASE WHEN source_file IS NULL OR source_file = '' THEN 1 ELSE 0 END) AS STRING), CAST(SUM(unit_price) AS STRING)
FROM local_dimension_db.product_dim
GROUP BY source_file ORDER BY source_file`);
  });
});

describe('Function: measureColumns', () => {
  it.each([...tables, PRODUCT_DIM].map((table) => [table.name, table] as const))(
    'returns the numeric columns of %s other than its key and its id references',
    (_name, table) => {
      // Act
      const measures = measureColumns(table).map((column) => column.name);

      // Assess
      for (const name of measures) expect(name === 'id' || name.endsWith('_id') || name === table.columns[0]?.name).toBe(false);
      expect(measures).not.toContain(groupingColumn(table).name);
    },
  );
});

describe('Function: tableViewOf', () => {
  it('returns the view of any declared table: per file for one without partitions, with its measures', () => {
    // Prepare
    const rows = [
      ['a.csv', '3', '0', '10.50'],
      ['b.csv', '2', '0', '4.00'],
    ];

    // Act
    const view = tableViewOf(PRODUCT_DIM, rows, 'bucket');

    // Assess
    expect(view).toMatchObject({
      table: 'product_dim',
      kind: 'dimension',
      group: 'source_file',
      axis: 'category',
      measures: ['unit_price'],
      rows: 5,
    });
    expect(view.points).toEqual([
      { label: 'a.csv', rows: 3, sums: [10.5] },
      { label: 'b.csv', rows: 2, sums: [4] },
    ]);
  });

  it('returns a fact per date with the location of its default partition when one holds rows', () => {
    // Prepare
    const rows = [
      [null, '1', '1', '0.00'],
      ['20240101', '5', '0', '50.00'],
    ];

    // Act
    const view = tableViewOf(getTable('sample_country_tx_fact'), rows, 'bucket');

    // Assess
    expect(view.axis).toBe('date');
    expect(view.flags.map((flag) => flag.kind)).toEqual(['partition', 'lineage']);
    expect(view.flags[0]?.where[1]).toMatch(/bucket\/.*sample_country_tx_fact\/date_id=__HIVE_DEFAULT_PARTITION__\/$/);
  });
});
