// The warehouse's data, straight from Spark SQL on the local catalog, for every declared table: its rows
// and the sum of each measure (numeric columns other than ids) per value of its first partition key, or
// per source file for a table without partitions. Nothing here names a table: a declared one shows.
import type { Services } from '@data-pipeline/local';
import {
  dataColumns,
  getEnvironment,
  type HiveColumn,
  partitionColumns,
  SOURCE_FILE_COLUMN,
  type TableDefinition,
  tables,
  warehouseTable,
} from '@data-pipeline/model';
import { type ChartData, singleSeries } from '../shaping/series';

export interface TableChart {
  /** The chart's id on the page: chart-<table>-rows, chart-<table>-<measure>. */
  id: string;
  table: string;
  title: string;
  kind: 'bar' | 'line';
  /** What the axes show. */
  x: string;
  y: string;
  sql: string;
  data: ChartData;
}

const NUMERIC = /^(tinyint|smallint|int|bigint|float|double|decimal\(\d+,\d+\))$/;

/** Numeric data columns that measure something: not the first column (the key) and not a reference to another table's id. */
export function measureColumns(table: TableDefinition): HiveColumn[] {
  return dataColumns(table).filter(
    (column, index) => index > 0 && NUMERIC.test(column.type) && column.name !== 'id' && !column.name.endsWith('_id'),
  );
}

/** What a table's charts group by: its first partition key, else the file each row came from. */
export function groupingColumn(table: TableDefinition): HiveColumn {
  return partitionColumns(table)[0] ?? SOURCE_FILE_COLUMN;
}

/** One query per table: per group, the row count and each measure's sum. */
export function chartQuery(table: TableDefinition, env = getEnvironment('local')): string {
  const group = groupingColumn(table).name;
  const sums = measureColumns(table).map((column) => `, CAST(SUM(${column.name}) AS STRING)`);
  return `SELECT CAST(${group} AS STRING), CAST(COUNT(*) AS STRING)${sums.join('')}
FROM ${warehouseTable(env, table).qualifiedName}
GROUP BY ${group} ORDER BY ${group}`;
}

/** The table's charts from its query's rows: rows per group, then the sum of each measure per group. */
export function tableChartsOf(table: TableDefinition, sql: string, rows: string[][]): TableChart[] {
  const x = groupingColumn(table).name;
  const column = (index: number) => rows.map((row) => [row[0] ?? '', row[index] ?? '0']);
  return [
    {
      id: `chart-${table.name}-rows`,
      table: table.name,
      title: `rows per ${x}`,
      kind: 'bar',
      x,
      y: 'rows',
      sql,
      data: singleSeries('rows', column(1)),
    },
    ...measureColumns(table).map(
      (measure, index): TableChart => ({
        id: `chart-${table.name}-${measure.name}`,
        table: table.name,
        title: `${measure.name} per ${x}`,
        kind: 'bar',
        x,
        y: `sum of ${measure.name}`,
        sql,
        data: singleSeries(`sum of ${measure.name}`, column(index + 2)),
      }),
    ),
  ];
}

/** Spark (unlike Hive) refuses to read an external table whose location holds no object yet: no rows. */
async function rowsOf(services: Services, sql: string): Promise<string[][]> {
  try {
    return (await services.query(sql)).rows;
  } catch (error) {
    if (/PATH_NOT_FOUND/.test((error as Error).message)) return [];
    throw error;
  }
}

export async function tableCharts(services: Services, declared: readonly TableDefinition[] = tables): Promise<TableChart[]> {
  const charts: TableChart[] = [];
  for (const table of declared) {
    const sql = chartQuery(table);
    charts.push(...tableChartsOf(table, sql, await rowsOf(services, sql)));
  }
  return charts;
}
