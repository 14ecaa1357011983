// Rows for any declared table, from its columns alone: what `node data/generate.mjs --table <name>` writes
// and what the tests land for a table they declare. Deterministic for a seed; every file fits the
// table's declared format (checkTableFile).
import { partitionColumns } from './tables/index';
import type { HiveColumn, TableDefinition } from './tables/schema';

export interface SampleOptions {
  rows: number;
  /** How many distinct values each partition key takes (default 3). */
  partitionValues?: number;
  /** The first row's value of the first column (default 1). */
  firstId?: number;
  seed?: number;
}

/** mulberry32: a small deterministic PRNG (numbers in [0, 1)), the same for a seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 0, 1);
const isoDay = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);

function value(column: HiveColumn, row: number, key: number, partition: number | undefined, next: () => number): string {
  const { type, name } = column;
  if (partition !== undefined) {
    if (/int$/.test(type)) return isoDay(partition).replaceAll('-', '');
    if (type === 'date') return isoDay(partition);
    return `p${partition + 1}`;
  }
  if (/^(tinyint|smallint|int|bigint)$/.test(type))
    return String(key === 0 ? row : 1 + Math.floor(next() * (type === 'tinyint' ? 100 : 20)));
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(type);
  if (decimal) {
    const scale = Number(decimal[2]);
    const digits = Math.min(Number(decimal[1]) - scale, 6);
    return (next() * 10 ** digits).toFixed(scale);
  }
  if (type === 'float' || type === 'double') return (next() * 1000).toFixed(3);
  if (type === 'boolean') return next() < 0.5 ? 'true' : 'false';
  if (type === 'date') return isoDay(row % 365);
  if (type === 'timestamp') return `${isoDay(row % 365)} 00:00:00`;
  const width = /^(?:var)?char\((\d+)\)$/.exec(type);
  const text = `${name} ${row}`;
  return width ? text.slice(0, Number(width[1])) : text;
}

/** The rows (values as text, in declaration order) of a sample file of the table. */
export function sampleRows(table: TableDefinition, options: SampleOptions): string[][] {
  const next = seededRandom(options.seed ?? 42);
  const partitionCount = Math.max(1, options.partitionValues ?? 3);
  const partitions = new Set(partitionColumns(table).map((column) => column.name));
  const firstId = options.firstId ?? 1;
  return Array.from({ length: options.rows }, (_, index) =>
    table.columns.map((column, key) =>
      value(column, firstId + index, key, partitions.has(column.name) ? index % partitionCount : undefined, next),
    ),
  );
}

function csvField(value: string, column: HiveColumn, table: TableDefinition): string {
  const { delimiter, quoteChar } = table.source;
  const quote = column.type === 'string' || value.includes(delimiter) || value.includes(quoteChar);
  return quote ? `${quoteChar}${value.replaceAll(quoteChar, quoteChar + quoteChar)}${quoteChar}` : value;
}

/** A sample file of the table in its declared source format: the header rows, then the rows. */
export function sampleCsv(table: TableDefinition, options: SampleOptions): string {
  const { delimiter, headerRows } = table.source;
  const header = table.columns.map((column) => column.name).join(delimiter);
  const lines = [
    ...Array.from({ length: headerRows }, () => header),
    ...sampleRows(table, options).map((row) =>
      row.map((value, index) => csvField(value, table.columns[index] as HiveColumn, table)).join(delimiter),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
