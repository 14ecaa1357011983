import { getTable, tables } from '@data-pipeline/model';
import { PRODUCT_DIM } from '@data-pipeline/model/testing';
import { describe, expect, it } from 'vitest';
import { chartQuery, groupingColumn, measureColumns, tableChartsOf } from '../src/sources/data';

describe('Function: chartQuery', () => {
  it('returns, per value of the first partition key, the row count and the sum of each measure', () => {
    // Act
    const sql = chartQuery(getTable('sample_country_tx_fact'));

    // Assess
    expect(sql).toBe(`SELECT CAST(date_id AS STRING), CAST(COUNT(*) AS STRING), CAST(SUM(tx_amount) AS STRING)
FROM local_fact_db.sample_country_tx_fact
GROUP BY date_id ORDER BY date_id`);
  });

  it('returns rows and measures per source file for a table without partitions, such as an added one', () => {
    // Act
    const sql = chartQuery(PRODUCT_DIM);

    // Assess
    expect(sql).toBe(`SELECT CAST(source_file AS STRING), CAST(COUNT(*) AS STRING), CAST(SUM(unit_price) AS STRING)
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

describe('Function: tableChartsOf', () => {
  it('returns a rows chart and one chart per measure, each with the values of its column', () => {
    // Prepare
    const rows = [
      ['a.csv', '3', '10.50'],
      ['b.csv', '2', '4.00'],
    ];

    // Act
    const charts = tableChartsOf(PRODUCT_DIM, 'SQL', rows);

    // Assess
    expect(charts.map((chart) => [chart.id, chart.title, chart.x, chart.y])).toEqual([
      ['chart-product_dim-rows', 'rows per source_file', 'source_file', 'rows'],
      ['chart-product_dim-unit_price', 'unit_price per source_file', 'source_file', 'sum of unit_price'],
    ]);
    expect(charts.map((chart) => chart.data)).toEqual([
      { labels: ['a.csv', 'b.csv'], datasets: [{ label: 'rows', data: [3, 2] }] },
      { labels: ['a.csv', 'b.csv'], datasets: [{ label: 'sum of unit_price', data: [10.5, 4] }] },
    ]);
  });
});
