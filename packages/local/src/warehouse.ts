// What the warehouse holds (row counts per table and partition, from Spark SQL), and what it should hold
// after loading a set of landed files. Files that do not fit their table's format are quarantined,
// not loaded. A dimension is replaced by what landed (and left as it was when nothing did); a fact
// gains each landed file's rows, a file landed again under the same name replacing its earlier rows
// on the dates it has.
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkTableFile, getEnvironment, partitionColumns, type TableDefinition, tables, warehouseTable } from '@data-pipeline/model';
import { parse } from 'csv-parse/sync';
import type { FileToLand } from './land';
import type { Services } from './services';

/** Rows per partition (`''` for a table without partitions), per table. */
export type RowCounts = Record<string, Record<string, number>>;

/** Rows per source file and partition, per table. */
export type SourceCounts = Record<string, Record<string, Record<string, number>>>;

const partitionKey = (table: TableDefinition) => partitionColumns(table)[0]?.name;

/** Spark (unlike Hive) refuses to read an external table whose location holds no object yet. */
async function queryRows(services: Services, sql: string): Promise<string[][]> {
  const { rows } = await services.query(sql).catch((error: Error) => {
    if (/PATH_NOT_FOUND/.test(error.message)) return { rows: [] as string[][] };
    throw error;
  });
  return rows;
}

/** Rows ordered by their first value: as numbers where both are numbers, else as text. */
function byFirstValue(a: string[], b: string[]): number {
  const [x = '', y = ''] = [a[0], b[0]];
  const [nx, ny] = [Number(x), Number(y)];
  return x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
}

/**
 * A table's warehouse rows: its declared columns in declaration order (partition keys where they were
 * declared), each as text, ordered by the first column.
 */
export async function warehouseRows(services: Services, table: TableDefinition, env = getEnvironment('local')): Promise<string[][]> {
  const columns = table.columns.map((column) => `CAST(${column.name} AS STRING)`).join(', ');
  const rows = await queryRows(services, `SELECT ${columns} FROM ${warehouseTable(env, table).qualifiedName}`);
  return rows.sort(byFirstValue);
}

export async function warehouseSourceCounts(services: Services, env = getEnvironment('local')): Promise<SourceCounts> {
  const counts: SourceCounts = {};
  for (const table of tables) {
    const key = partitionKey(table);
    const partition = key ? `CAST(${key} AS STRING)` : "''";
    const rows = await queryRows(
      services,
      `SELECT source_file, ${partition}, count(*) FROM ${warehouseTable(env, table).qualifiedName} GROUP BY source_file, ${partition}`,
    );
    const target: Record<string, Record<string, number>> = {};
    for (const [source = '', value = '', count] of rows) {
      target[source] = { ...target[source], [value]: Number(count) };
    }
    counts[table.name] = target;
  }
  return counts;
}

export async function warehouseCounts(services: Services): Promise<RowCounts> {
  return totals(await warehouseSourceCounts(services));
}

/** Rows per partition, whatever file they came from. */
export function totals(counts: SourceCounts): RowCounts {
  const result: RowCounts = {};
  for (const table of tables) {
    const target: Record<string, number> = {};
    for (const partitions of Object.values(counts[table.name] ?? {})) {
      for (const [partition, count] of Object.entries(partitions)) if (count > 0) target[partition] = (target[partition] ?? 0) + count;
    }
    result[table.name] = target;
  }
  return result;
}

export interface LandedRows {
  /** Rows per source file and partition of the files that fit (header rows skipped, as the load scripts skip them). */
  counts: SourceCounts;
  /** Files that do not fit their table's format: the pipeline quarantines them. */
  refused: FileToLand[];
}

export async function landedSourceCounts(files: FileToLand[]): Promise<LandedRows> {
  const counts: SourceCounts = Object.fromEntries(tables.map((table) => [table.name, {}]));
  const refused: FileToLand[] = [];
  for (const file of files) {
    const table = tables.find((candidate) => candidate.name === file.table);
    if (!table) continue;
    if (!(await checkTableFile(table, createReadStream(file.path))).ok) {
      refused.push(file);
      continue;
    }
    const records: string[][] = parse(readFileSync(file.path), {
      bom: true,
      delimiter: table.source.delimiter,
      quote: table.source.quoteChar,
      from_line: table.source.headerRows + 1,
      skip_empty_lines: true,
    });
    const key = partitionKey(table);
    const index = key ? table.columns.findIndex((column) => column.name === key) : -1;
    const target: Record<string, number> = {};
    for (const record of records) {
      const partition = index >= 0 ? (record[index] ?? '').trim() : '';
      target[partition] = (target[partition] ?? 0) + 1;
    }
    (counts[table.name] ?? {})[basename(file.path)] = target;
  }
  return { counts, refused };
}

/** What the warehouse should hold, per source file and partition, after loading `landed` on top of `before`. */
export function expectedSourceCounts(before: SourceCounts, landed: SourceCounts): SourceCounts {
  const expected: SourceCounts = {};
  for (const table of tables) {
    const previous = before[table.name] ?? {};
    const arriving = landed[table.name] ?? {};
    if (table.kind === 'dimension') {
      expected[table.name] = structuredClone(Object.keys(arriving).length > 0 ? arriving : previous);
      continue;
    }
    const merged = structuredClone(previous);
    for (const [source, partitions] of Object.entries(arriving)) {
      merged[source] = { ...merged[source], ...partitions };
    }
    expected[table.name] = merged;
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
