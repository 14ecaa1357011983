// The warehouse's data, straight from Spark SQL on the local catalog, for every declared table: its rows,
// its rows without lineage and the sum of each measure (numeric columns other than ids) per value of its
// first partition key, or per source file for a table without partitions. Nothing here names a table:
// a declared one shows.
import type { Services } from '@data-pipeline/local';
import {
  dataColumns,
  getEnvironment,
  type HiveColumn,
  hiveScriptVariables,
  partitionColumns,
  SOURCE_FILE_COLUMN,
  type TableDefinition,
  warehouseTable,
} from '@data-pipeline/model';
import { type GroupRow, type TableView, tableView } from '../shaping/table-view';

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

/** One query per table: per group, the row count, the rows without lineage and each measure's sum. */
export function chartQuery(table: TableDefinition, env = getEnvironment('local')): string {
  const group = groupingColumn(table).name;
  const sums = measureColumns(table).map((column) => `, CAST(SUM(${column.name}) AS STRING)`);
  const lineage = `${SOURCE_FILE_COLUMN.name} IS NULL OR ${SOURCE_FILE_COLUMN.name} = ''`;
  return `SELECT CAST(${group} AS STRING), CAST(COUNT(*) AS STRING), CAST(SUM(CASE WHEN ${lineage} THEN 1 ELSE 0 END) AS STRING)${sums.join('')}
FROM ${warehouseTable(env, table).qualifiedName}
GROUP BY ${group} ORDER BY ${group}`;
}

/** A table's view from its query's rows. */
export function tableViewOf(table: TableDefinition, rows: GroupRow[], bucket: string, env = getEnvironment('local')): TableView {
  return tableView({
    table,
    group: groupingColumn(table).name,
    partitioned: table.partitionKeys.length > 0,
    measures: measureColumns(table).map((column) => column.name),
    sql: chartQuery(table, env),
    qualifiedName: warehouseTable(env, table).qualifiedName,
    location: hiveScriptVariables(env, table, bucket).WAREHOUSE_LOCATION,
    rows,
  });
}

/** Spark (unlike Hive) refuses to read an external table whose location holds no object yet: no rows. */
async function rowsOf(services: Services, sql: string): Promise<GroupRow[]> {
  try {
    return (await services.query(sql)).rows;
  } catch (error) {
    if (/PATH_NOT_FOUND/.test((error as Error).message)) return [];
    throw error;
  }
}

export async function tableViews(services: Services, declared: readonly TableDefinition[], bucket: string): Promise<TableView[]> {
  const views: TableView[] = [];
  for (const table of declared) views.push(tableViewOf(table, await rowsOf(services, chartQuery(table)), bucket));
  return views;
}
