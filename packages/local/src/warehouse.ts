// What the warehouse holds (row counts per table and partition, from Spark SQL), and what it should hold
// after loading a set of landed files: a dimension is replaced by what landed, a fact grows by it.
import { readFileSync } from 'node:fs';
import { partitionColumns, type TableDefinition, tables, warehouseTable } from '@data-pipeline/model';
import { parse } from 'csv-parse/sync';
import type { FileToLand } from './land';
import type { Services } from './services';

/** Rows per partition (`''` for a table without partitions), per table. */
export type RowCounts = Record<string, Record<string, number>>;

const partitionKey = (table: TableDefinition) => partitionColumns(table)[0]?.name;

export async function warehouseCounts(services: Services): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const table of tables) {
    const key = partitionKey(table);
    const name = warehouseTable(table).qualifiedName;
    const sql = key
      ? `SELECT CAST(${key} AS STRING), count(*) FROM ${name} GROUP BY ${key} ORDER BY ${key}`
      : `SELECT '', count(*) FROM ${name}`;
    const { rows } = await services.query(sql).catch((error: Error) => {
      // Spark (unlike Hive) refuses to read an external table whose location holds no object yet.
      if (/PATH_NOT_FOUND/.test(error.message)) return { rows: [] as string[][] };
      throw error;
    });
    counts[table.name] = Object.fromEntries(
      rows.filter(([, count]) => Number(count) > 0).map(([partition, count]) => [partition ?? '', Number(count)]),
    );
  }
  return counts;
}

/** Rows per partition in files as they landed (header rows skipped, as the load scripts skip them). */
export function landedCounts(files: FileToLand[]): RowCounts {
  const counts: RowCounts = Object.fromEntries(tables.map((table) => [table.name, {}]));
  for (const file of files) {
    const table = tables.find((candidate) => candidate.name === file.table);
    if (!table) continue;
    const records: string[][] = parse(readFileSync(file.path), {
      bom: true,
      delimiter: table.source.delimiter,
      quote: table.source.quoteChar,
      from_line: table.source.headerRows + 1,
      skip_empty_lines: true,
      relax_column_count: true,
    });
    const key = partitionKey(table);
    const index = key ? table.columns.findIndex((column) => column.name === key) : -1;
    const target = counts[table.name] ?? {};
    for (const record of records) {
      const partition = index >= 0 ? (record[index] ?? '').trim() : '';
      target[partition] = (target[partition] ?? 0) + 1;
    }
    counts[table.name] = target;
  }
  return counts;
}

/** What the warehouse should hold after loading `landed` on top of `before`. */
export function expectedCounts(before: RowCounts, landed: RowCounts): RowCounts {
  const expected: RowCounts = {};
  for (const table of tables) {
    const previous = before[table.name] ?? {};
    const arriving = landed[table.name] ?? {};
    if (table.kind === 'dimension') {
      expected[table.name] = Object.keys(arriving).length > 0 ? { ...arriving } : { ...previous };
    } else {
      const merged = { ...previous };
      for (const [partition, count] of Object.entries(arriving)) merged[partition] = (merged[partition] ?? 0) + count;
      expected[table.name] = merged;
    }
  }
  return expected;
}

/** The differences between two sets of counts, one line each; empty when they agree. */
export function countDifferences(expected: RowCounts, actual: RowCounts): string[] {
  const problems: string[] = [];
  for (const table of tables) {
    const want = expected[table.name] ?? {};
    const have = actual[table.name] ?? {};
    for (const partition of new Set([...Object.keys(want), ...Object.keys(have)])) {
      if ((want[partition] ?? 0) !== (have[partition] ?? 0)) {
        problems.push(
          `${table.name}${partition ? ` ${partitionKey(table)}=${partition}` : ''}: expected ${want[partition] ?? 0} rows, found ${have[partition] ?? 0}`,
        );
      }
    }
  }
  return problems;
}
